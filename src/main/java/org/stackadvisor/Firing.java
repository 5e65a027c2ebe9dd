package org.stackadvisor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule firing of a decision, in the order the engine fired it. Facts are rendered as
 * plain maps: {@code {"type": "Term", "field": "traits", "value": "chat"}}.
 */
public final class Firing {
    private final int seq;
    private final String rule;
    private final String section;
    private final List<String> claims;
    private final Map<String, Object> matched;
    private final List<Map<String, Object>> facts;
    private final List<Map<String, Object>> inserted;
    private final boolean superseded;

    Firing(int seq, String rule, String section, List<String> claims, Map<String, Object> matched,
            List<Map<String, Object>> facts, List<Map<String, Object>> inserted, boolean superseded) {
        this.seq = seq;
        this.rule = rule;
        this.section = section;
        this.claims = List.copyOf(claims);
        this.matched = matched;
        this.facts = facts;
        this.inserted = inserted;
        this.superseded = superseded;
    }

    /** The firing's number, from 1. */
    public int seq() {
        return seq;
    }

    /** The rule's name, which is its audit ID. */
    public String rule() {
        return rule;
    }

    /** The article section (or stage) the rule belongs to. */
    public String section() {
        return section;
    }

    /** The claim IDs the rule encodes. */
    public List<String> claims() {
        return claims;
    }

    /** The rule's declarations, by name, and the values they were bound to; read-only. */
    public Map<String, Object> matched() {
        return matched;
    }

    /** Every fact the rule's patterns matched, bound to a declaration or not; read-only. */
    public List<Map<String, Object>> facts() {
        return facts;
    }

    /** The facts the firing inserted; read-only. */
    public List<Map<String, Object>> inserted() {
        return inserted;
    }

    /**
     * Whether the firing no longer supports any conclusion: the facts it matched changed (a score
     * was summed again, say) and truth maintenance withdrew what it had derived. Superseded firings
     * stay in the trace, because they happened, but the decision does not rest on them.
     */
    public boolean superseded() {
        return superseded;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seq", seq);
        map.put("rule", rule);
        map.put("section", section);
        map.put("claims", claims);
        map.put("matched", matched);
        map.put("facts", facts);
        map.put("inserted", inserted);
        map.put("superseded", superseded);
        return map;
    }
}
