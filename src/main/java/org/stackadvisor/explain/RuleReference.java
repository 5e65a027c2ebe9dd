package org.stackadvisor.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stackadvisor.internal.engine.RuleBase;
import org.stackadvisor.internal.engine.RuleInfo;

/**
 * A rule named in an explanation: its name (the audit ID), its section and the claims of the
 * article it encodes.
 *
 * <pre>{@code
 * for (RuleReference rule : alternative.rulesStarted()) {
 *     System.out.println(rule.name() + " " + rule.claims());   // ... [UC-3]
 * }
 * }</pre>
 */
public final class RuleReference {
    private final String name;
    private final String section;
    private final List<String> claims;

    RuleReference(String name, String section, List<String> claims) {
        this.name = name;
        this.section = section;
        this.claims = List.copyOf(claims);
    }

    static RuleReference of(RuleBase ruleBase, String name) {
        RuleInfo info = ruleBase.rules.get(name);
        return info == null ? new RuleReference(name, "", List.of()) : new RuleReference(name, info.section, info.claims);
    }

    /** The rule's name, which is its audit ID. */
    public String name() {
        return name;
    }

    /** The article section (or stage) the rule belongs to. */
    public String section() {
        return section;
    }

    /** The claim IDs the rule encodes. */
    public List<String> claims() {
        return claims;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rule", name);
        map.put("section", section);
        map.put("claims", claims);
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleReference && name.equals(((RuleReference) other).name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name + " " + claims;
    }
}
