package org.stackadvisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stackadvisor.internal.facts.ClaimWeights;
import org.stackadvisor.internal.facts.Evidence;

/**
 * How a verdict fares under the manifest's declared family of other weightings. Scores are sums
 * of claim weights, one vote per signal, so each weighting's verdict is recomputed from the
 * decision's evidence without firing the rules again: every weight equal; the takeaways alone;
 * and every weighed claim one step up, then one step down, the others as they are.
 */
final class VerdictRobustness {
    private VerdictRobustness() {
    }

    static Decision.Robustness of(Manifest manifest, List<Evidence> evidence, String verdict) {
        ClaimWeights weights = manifest.weights;
        List<String> candidates = List.copyOf(manifest.candidates.keySet());
        if (!verdict.equals(verdictUnder(weights, evidence, candidates, manifest.margin))) {
            return new Decision.Robustness(0, List.of(),
                    "not computed: the rules' verdict is not the margin over the claims' weights, so other weightings cannot be replayed");
        }
        Map<String, Map<String, Integer>> family = new LinkedHashMap<>();
        Map<String, Integer> equal = new LinkedHashMap<>();
        Map<String, Integer> takeawaysOnly = new LinkedHashMap<>();
        weights.weights().forEach((claim, weight) -> {
            equal.put(claim, 1);
            takeawaysOnly.put(claim, manifest.claims.get(claim).takeaway() ? weight : 0);
        });
        family.put("all weights equal", equal);
        family.put("takeaways only", takeawaysOnly);
        weights.weights().forEach((claim, weight) -> {
            Map<String, Integer> up = new LinkedHashMap<>(weights.weights());
            up.put(claim, weight + 1);
            family.put(claim + " weighed " + (weight + 1) + " instead of " + weight, up);
            Map<String, Integer> down = new LinkedHashMap<>(weights.weights());
            down.put(claim, weight - 1);
            family.put(claim + " weighed " + (weight - 1) + " instead of " + weight, down);
        });
        List<Decision.Robustness.Change> changes = new ArrayList<>();
        family.forEach((name, alternative) -> {
            String other = verdictUnder(weights.withWeights(alternative), evidence, candidates, manifest.margin);
            if (!other.equals(verdict)) {
                changes.add(new Decision.Robustness.Change(name, other));
            }
        });
        return new Decision.Robustness(family.size(), changes, null);
    }

    /** The verdict the decision rules give: the candidate that leads every other by the margin, else either. */
    private static String verdictUnder(ClaimWeights weights, List<Evidence> evidence, List<String> candidates, int margin) {
        Map<String, List<Evidence>> byCandidate = new LinkedHashMap<>();
        candidates.forEach(candidate -> byCandidate.put(candidate, new ArrayList<>()));
        for (Evidence each : evidence) {
            byCandidate.computeIfAbsent(each.getCandidate(), candidate -> new ArrayList<>()).add(each);
        }
        Map<String, Integer> totals = new LinkedHashMap<>();
        byCandidate.forEach((candidate, theirs) -> totals.put(candidate, weights.total(theirs)));
        for (Map.Entry<String, Integer> leader : totals.entrySet()) {
            boolean leads = totals.entrySet().stream()
                    .allMatch(other -> other.getKey().equals(leader.getKey()) || other.getValue() <= leader.getValue() - margin);
            if (leads) {
                return leader.getKey();
            }
        }
        return Decision.EITHER;
    }
}
