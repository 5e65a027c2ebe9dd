package org.stackadvisor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something the rules concluded: the {@code verdict}, a candidate's {@code score}, a
 * {@code recommendation} (one claim's vote for a candidate, with every fact and rule behind it), a
 * {@code caveat} or a {@code tension} (claims that pull toward different candidates). Each names
 * the rule(s) that derived it, the claims of the article they encode, the firings behind it and
 * its {@linkplain #proof() proof}.
 */
public final class Conclusion {
    /** The kind of the one conclusion that gives the verdict, as it appears in the JSON. */
    public static final String VERDICT = "verdict";
    /** The kind of a conclusion that gives one candidate's score. */
    public static final String SCORE = "score";
    /** The kind of a conclusion that is a piece of evidence, with its weight, for a candidate. */
    public static final String RECOMMENDATION = "recommendation";
    /** The kind of a conclusion that qualifies the advice, such as where the article pulls both ways. */
    public static final String CAVEAT = "caveat";
    /**
     * The kind of a conclusion that names claims pulling the project toward different candidates,
     * with the article's own way out where it gives one.
     */
    public static final String TENSION = "tension";

    private final String kind;
    private final String text;
    private final List<String> claims;
    private final List<String> rules;
    private final String candidate;
    private final Integer points;
    private final List<Integer> firings;
    private final Proof proof;

    Conclusion(String kind, String text, List<String> claims, List<String> rules, String candidate, Integer points,
            List<Integer> firings, Proof proof) {
        this.kind = kind;
        this.text = text;
        this.claims = List.copyOf(claims);
        this.rules = List.copyOf(rules);
        this.candidate = candidate;
        this.points = points;
        this.firings = List.copyOf(firings);
        this.proof = proof;
    }

    /** {@link #VERDICT}, {@link #SCORE}, {@link #RECOMMENDATION}, {@link #CAVEAT} or {@link #TENSION}. */
    public String kind() {
        return kind;
    }

    /** The conclusion in words. */
    public String text() {
        return text;
    }

    /** The claim IDs of the article behind it. */
    public List<String> claims() {
        return claims;
    }

    /** The first rule that derived it (its audit ID). */
    public String rule() {
        return rules.isEmpty() ? "" : rules.get(0);
    }

    /** Every rule that derived it, in firing order. */
    public List<String> rules() {
        return rules;
    }

    /** The candidate it is about, or null for a caveat or tension. */
    public String candidate() {
        return candidate;
    }

    /** The vote's weight (its claim's, from the manifest) or the score, or null for a verdict, caveat or tension. */
    public Integer points() {
        return points;
    }

    /** The numbers of the firings that derived it. */
    public List<Integer> firings() {
        return firings;
    }

    /**
     * Why it holds: the firings that derived it, the facts they matched and, recursively, their
     * proofs, down to the input facts.
     */
    public Proof proof() {
        return proof;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", kind);
        map.put("text", text);
        map.put("claims", claims);
        map.put("rule", rule());
        map.put("rules", rules);
        if (candidate != null) {
            map.put("candidate", candidate);
        }
        if (points != null) {
            map.put(kind.equals(SCORE) ? "score" : "weight", points);
        }
        map.put("firings", firings);
        map.put("proof", proof.toMap());
        return map;
    }
}
