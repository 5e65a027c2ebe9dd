package org.stackadvisor;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.stackadvisor.internal.json.Json;

/**
 * Why a fact holds: the rule firings that derived it and, for each firing, the proofs of the
 * facts it matched, down to the input facts (the project's terms, the candidates and the
 * decision margin). Every current justification counts, not only the first: a fact that two
 * rules derived has two {@linkplain #derivations() derivations}. A score's derivation lists every
 * piece of evidence that was summed. Immutable.
 *
 * <pre>{@code
 * Decision decision = StackAdvisor.bundled().decide(Path.of("facts/live-chat.json"));
 * Proof why = decision.proof();            // the verdict's proof
 * why.describe();                          // Verdict(candidate=nodejs)
 * why.derivations().get(0).rule();         // The candidate that leads by the margin is recommended
 * why.firings();                           // every firing number the verdict rests on
 * why.inputs();                            // the input facts it rests on
 * }</pre>
 */
public final class Proof {
    private final Map<String, Object> fact;
    private final boolean input;
    private final boolean cycle;
    private final List<Derivation> derivations;
    private volatile Map<String, Object> asMap;

    /** {@code fact} must be read-only: a decision's trace shares one rendering of a fact across its proofs. */
    Proof(Map<String, Object> fact, boolean input, boolean cycle, List<Derivation> derivations) {
        this.fact = fact;
        this.input = input;
        this.cycle = cycle;
        this.derivations = List.copyOf(derivations);
    }

    /** The fact proved, as in the trace: {@code {"type": "Score", "candidate": "nodejs", "total": 19}}. */
    public Map<String, Object> fact() {
        return fact;
    }

    /** The fact's type, such as {@code Term}, {@code Evidence} or {@code Verdict}. */
    public String type() {
        return String.valueOf(fact.get("type"));
    }

    /** The fact on one line: {@code Term(field=traits, value=chat)}. */
    public String describe() {
        return type() + fact.entrySet().stream().filter(entry -> !entry.getKey().equals("type"))
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Whether the fact is an input fact (a term of the project, a candidate or the margin): a leaf. */
    public boolean input() {
        return input;
    }

    /**
     * Whether this node repeats a fact already being proved further up the same branch: the rules
     * derived it in a circle. Its derivations are then left out, so a proof is always finite.
     */
    public boolean cycle() {
        return cycle;
    }

    /** The firings that currently justify the fact, in firing order; empty for input facts. */
    public List<Derivation> derivations() {
        return derivations;
    }

    /** The numbers of every firing in this proof, its own and its premises', sorted. */
    public List<Integer> firings() {
        Set<Integer> seqs = new TreeSet<>();
        collectFirings(seqs);
        return List.copyOf(seqs);
    }

    private void collectFirings(Set<Integer> seqs) {
        for (Derivation derivation : derivations) {
            seqs.add(derivation.firing);
            derivation.premises.forEach(premise -> premise.collectFirings(seqs));
        }
    }

    /** The distinct claim IDs cited by every rule in this proof, sorted. */
    public List<String> claims() {
        Set<String> claims = new TreeSet<>();
        collectClaims(claims);
        return List.copyOf(claims);
    }

    private void collectClaims(Set<String> claims) {
        for (Derivation derivation : derivations) {
            claims.addAll(derivation.claims);
            derivation.premises.forEach(premise -> premise.collectClaims(claims));
        }
    }

    /** The distinct input facts this proof rests on, each {@linkplain #describe() described}, in first-seen order. */
    public List<String> inputs() {
        Set<String> inputs = new LinkedHashSet<>();
        collectInputs(inputs);
        return List.copyOf(inputs);
    }

    private void collectInputs(Set<String> inputs) {
        if (input) {
            inputs.add(describe());
        }
        derivations.forEach(derivation -> derivation.premises.forEach(premise -> premise.collectInputs(inputs)));
    }

    /**
     * Whether every branch of the proof ends in an input fact: each derived fact has at least one
     * derivation, each derivation rests on at least one fact, and no branch ends in a cycle.
     */
    public boolean reachesInputs() {
        if (input) {
            return true;
        }
        if (cycle || derivations.isEmpty()) {
            return false;
        }
        return derivations.stream().allMatch(derivation -> !derivation.premises.isEmpty()
                && derivation.premises.stream().allMatch(Proof::reachesInputs));
    }

    /** The proof as JSON, the same tree as in the decision JSON. */
    public String toJson() {
        return Json.write(toMap(), true);
    }

    /**
     * The proof as the decision JSON's map, built once: a decision's conclusions share the proofs
     * of their common facts, so one rendering serves every place a proof appears.
     */
    Map<String, Object> toMap() {
        Map<String, Object> map = asMap;
        if (map == null) {
            map = new Json.Shared(newMap());
            asMap = map;
        }
        return map;
    }

    private Map<String, Object> newMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("fact", fact);
        map.put("input", input);
        if (cycle) {
            map.put("cycle", true);
        }
        if (!input) {
            map.put("derivations", derivations.stream().map(Derivation::toMap).collect(Collectors.toList()));
        }
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Proof && toMap().equals(((Proof) other).toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** One firing that derived a fact: the rule, the claims it encodes, and the proofs of the facts it matched. */
    public static final class Derivation {
        private final int firing;
        private final String rule;
        private final List<String> claims;
        private final List<Proof> premises;

        Derivation(int firing, String rule, List<String> claims, List<Proof> premises) {
            this.firing = firing;
            this.rule = rule;
            this.claims = List.copyOf(claims);
            this.premises = List.copyOf(premises);
        }

        /** The firing's number, as in {@link Decision#firings()}. */
        public int firing() {
            return firing;
        }

        /** The rule's name: its audit ID. */
        public String rule() {
            return rule;
        }

        /** The claim IDs the rule encodes. */
        public List<String> claims() {
            return claims;
        }

        /**
         * The proofs of the facts the firing matched, in the rule's pattern order, then any facts
         * it collected (the evidence a score summed).
         */
        public List<Proof> premises() {
            return premises;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("firing", firing);
            map.put("rule", rule);
            map.put("claims", claims);
            map.put("premises", premises.stream().map(Proof::toMap).collect(Collectors.toList()));
            return map;
        }

        @Override
        public String toString() {
            return "#" + firing + " " + rule;
        }
    }
}
