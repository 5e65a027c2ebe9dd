package org.stackadvisor;

import java.util.ArrayList;
import java.util.HashMap;
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
 *
 * <p>The votes do not depend on the weights (a claim's signal is fixed), so they are worked out
 * once: each candidate's votes, each vote the claims behind it. Each weighting then only re-totals
 * them from an array of weights, a step up or down being one claim's weight replaced; no table of
 * weights is rebuilt. The result is the same as totalling {@link ClaimWeights#total} under each
 * weighting: a vote is worth its strongest claim's weight (never less than -1, as there), a claim
 * without a weight in the manifest weighs 0 under every weighting.
 */
final class VerdictRobustness {
    /** The index of a claim that the manifest does not weigh: it weighs 0 under every weighting. */
    private static final int UNWEIGHED = -1;

    private VerdictRobustness() {
    }

    static Decision.Robustness of(Manifest manifest, List<Evidence> evidence, String verdict) {
        ClaimWeights weights = manifest.weights;
        Map<String, Integer> weighed = weights.weights();
        int claimCount = weighed.size();
        String[] claims = new String[claimCount];
        int[] base = new int[claimCount];
        Map<String, Integer> indexOf = new HashMap<>(claimCount * 2);
        int next = 0;
        for (Map.Entry<String, Integer> claim : weighed.entrySet()) {
            claims[next] = claim.getKey();
            base[next] = claim.getValue();
            indexOf.put(claim.getKey(), next);
            next++;
        }
        Votes cast = Votes.of(weights, evidence, manifest.candidates.keySet(), indexOf);
        int[][][] votes = cast.votes;
        String[] candidates = cast.candidates;
        if (!verdict.equals(verdictUnder(votes, candidates, base, UNWEIGHED, 0, manifest.margin))) {
            return new Decision.Robustness(0, List.of(),
                    "not computed: the rules' verdict is not the margin over the claims' weights, so other weightings cannot be replayed");
        }
        List<Decision.Robustness.Change> changes = new ArrayList<>();
        int[] equal = new int[claimCount];
        int[] takeawaysOnly = new int[claimCount];
        for (int i = 0; i < claimCount; i++) {
            equal[i] = 1;
            takeawaysOnly[i] = manifest.claims.get(claims[i]).takeaway() ? base[i] : 0;
        }
        String other = verdictUnder(votes, candidates, equal, UNWEIGHED, 0, manifest.margin);
        if (!other.equals(verdict)) {
            changes.add(new Decision.Robustness.Change("all weights equal", other));
        }
        other = verdictUnder(votes, candidates, takeawaysOnly, UNWEIGHED, 0, manifest.margin);
        if (!other.equals(verdict)) {
            changes.add(new Decision.Robustness.Change("takeaways only", other));
        }
        for (int i = 0; i < claimCount; i++) {
            int weight = base[i];
            other = verdictUnder(votes, candidates, base, i, weight + 1, manifest.margin);
            if (!other.equals(verdict)) {
                changes.add(new Decision.Robustness.Change(claims[i] + " weighed " + (weight + 1) + " instead of " + weight, other));
            }
            other = verdictUnder(votes, candidates, base, i, weight - 1, manifest.margin);
            if (!other.equals(verdict)) {
                changes.add(new Decision.Robustness.Change(claims[i] + " weighed " + (weight - 1) + " instead of " + weight, other));
            }
        }
        return new Decision.Robustness(2 + 2 * claimCount, changes, null);
    }

    /**
     * Each candidate's votes, one per signal, in the candidates' order (the manifest's, then any
     * other that has evidence); each vote the indexes of the claims behind it ({@link #UNWEIGHED}
     * for a claim the manifest does not weigh).
     */
    private static final class Votes {
        final String[] candidates;
        final int[][][] votes;

        private Votes(String[] candidates, int[][][] votes) {
            this.candidates = candidates;
            this.votes = votes;
        }

        static Votes of(ClaimWeights weights, List<Evidence> evidence, Iterable<String> manifestCandidates,
                Map<String, Integer> indexOf) {
            Map<String, Map<String, List<Integer>>> byCandidate = new LinkedHashMap<>();
            manifestCandidates.forEach(candidate -> byCandidate.put(candidate, new LinkedHashMap<>()));
            for (Evidence each : evidence) {
                byCandidate.computeIfAbsent(each.getCandidate(), candidate -> new LinkedHashMap<>())
                        .computeIfAbsent(weights.signalOf(each.getClaim()), signal -> new ArrayList<>(2))
                        .add(indexOf.getOrDefault(each.getClaim(), UNWEIGHED));
            }
            int[][][] votes = new int[byCandidate.size()][][];
            String[] candidates = new String[byCandidate.size()];
            int c = 0;
            for (Map.Entry<String, Map<String, List<Integer>>> candidate : byCandidate.entrySet()) {
                candidates[c] = candidate.getKey();
                int[][] theirs = new int[candidate.getValue().size()][];
                int v = 0;
                for (List<Integer> claims : candidate.getValue().values()) {
                    int[] vote = new int[claims.size()];
                    for (int i = 0; i < vote.length; i++) {
                        vote[i] = claims.get(i);
                    }
                    theirs[v++] = vote;
                }
                votes[c++] = theirs;
            }
            return new Votes(candidates, votes);
        }
    }

    /**
     * The verdict the decision rules give under {@code weights}, claim {@code changed} (unless
     * {@link #UNWEIGHED}) weighing {@code changedWeight} instead: the candidate that leads every
     * other by the margin, else either.
     */
    private static String verdictUnder(int[][][] votes, String[] candidates, int[] weights, int changed, int changedWeight,
            int margin) {
        int[] totals = new int[votes.length];
        for (int c = 0; c < votes.length; c++) {
            int total = 0;
            for (int[] vote : votes[c]) {
                int strongest = -1;
                for (int claim : vote) {
                    int weight = claim == UNWEIGHED ? 0 : claim == changed ? changedWeight : weights[claim];
                    if (weight > strongest) {
                        strongest = weight;
                    }
                }
                total += strongest;
            }
            totals[c] = total;
        }
        for (int leader = 0; leader < totals.length; leader++) {
            boolean leads = true;
            for (int other = 0; other < totals.length; other++) {
                if (other != leader && totals[other] > totals[leader] - margin) {
                    leads = false;
                    break;
                }
            }
            if (leads) {
                return candidates[leader];
            }
        }
        return Decision.EITHER;
    }
}
