package org.stackadvisor.internal.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The manifest's weight of every weighed claim, given to every decision so that the scoring rule
 * can sum evidence without a weight in any rule. A claim that restates another (the article says
 * "real-time work suits Node.js" in its backstory, a use case and a takeaway) shares that claim's
 * signal: a signal votes once per candidate, with the weight of the strongest of its claims that
 * the project supports. So repeating a signal under another name, or listing more libraries of the
 * same kind, cannot raise a score.
 */
public final class ClaimWeights implements RuleFact {
    private final Map<String, Integer> weights;
    private final Map<String, String> signals;

    /**
     * @param weights the weight of each weighed claim
     * @param signals for a claim that restates another, the claim it restates; a claim absent here is its own signal
     */
    public ClaimWeights(Map<String, Integer> weights, Map<String, String> signals) {
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
    }

    /** The claim's weight, 0 for a claim that weighs nothing. */
    public int weightOf(String claim) {
        return weights.getOrDefault(claim, 0);
    }

    /** The signal a claim votes in: the claim it restates, or itself. */
    public String signalOf(String claim) {
        return signals.getOrDefault(claim, claim);
    }

    /** Every weighed claim with its weight, in manifest order. */
    public Map<String, Integer> weights() {
        return weights;
    }

    /** This table with other weights for the same claims and signals: for recomputing a verdict under another weighting. */
    public ClaimWeights withWeights(Map<String, Integer> otherWeights) {
        return new ClaimWeights(otherWeights, signals);
    }

    /** The score of a candidate whose evidence this is: one vote per signal, each worth its strongest claim's weight. */
    public int total(Collection<?> evidence) {
        int total = 0;
        for (Vote vote : votes(evidence)) {
            total += vote.weight;
        }
        return total;
    }

    /**
     * The votes the evidence casts, one per candidate and signal, in the order their first evidence
     * comes; each names the claims behind it, the weight-giving claim first.
     */
    public List<Vote> votes(Collection<?> evidence) {
        Map<String, Vote> votes = new LinkedHashMap<>();
        for (Object object : evidence) {
            if (!(object instanceof Evidence)) {
                continue;
            }
            Evidence each = (Evidence) object;
            String signal = signalOf(each.getClaim());
            votes.computeIfAbsent(each.getCandidate() + '\u0000' + signal, key -> new Vote(each.getCandidate(), signal))
                    .add(each, weightOf(each.getClaim()));
        }
        return List.copyOf(votes.values());
    }

    /** One signal's vote for one candidate. */
    public static final class Vote {
        private final String candidate;
        private final String signal;
        private final List<Evidence> evidence = new ArrayList<>(2);
        private int weight = -1;

        Vote(String candidate, String signal) {
            this.candidate = candidate;
            this.signal = signal;
        }

        private void add(Evidence each, int claimWeight) {
            if (claimWeight > weight) {
                evidence.add(0, each);
                weight = claimWeight;
            } else {
                evidence.add(each);
            }
        }

        public String candidate() {
            return candidate;
        }

        /** The signal's ID: the claim that the others restate. */
        public String signal() {
            return signal;
        }

        /** The weight of the strongest claim supported. */
        public int weight() {
            return weight;
        }

        /** The evidence behind the vote, the weight-giving claim's first. */
        public List<Evidence> evidence() {
            return Collections.unmodifiableList(evidence);
        }

        /** The claims behind the vote, the weight-giving claim first. */
        public List<String> claims() {
            List<String> claims = new ArrayList<>(evidence.size());
            evidence.forEach(each -> claims.add(each.getClaim()));
            return claims;
        }
    }

    @Override
    public String type() {
        return "ClaimWeights";
    }

    @Override
    public boolean isInput() {
        return true;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("source", "manifest.json");
        attributes.put("claims", weights.size());
        return attributes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClaimWeights && weights.equals(((ClaimWeights) other).weights)
                && signals.equals(((ClaimWeights) other).signals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weights, signals);
    }

    @Override
    public String toString() {
        return RuleFact.describe(this);
    }
}
