package org.stackadvisor.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stackadvisor.Decision;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.facts.ClaimWeights;
import org.stackadvisor.internal.vocabulary.Manifest;
import org.stackadvisor.internal.facts.Evidence;

/**
 * How a verdict fares under the manifest's declared family of other weightings. Scores are sums
 * of claim weights, one vote per signal, so each weighting's verdict is recomputed from the
 * decision's evidence without firing the rules again: every weight equal; the takeaways alone;
 * and every weighed claim one step up, then one step down, the others as they are.
 *
 * <p>The votes do not depend on the weights (a claim's signal is fixed), so they are worked out
 * once per decision: which vote (candidate and signal) each piece of evidence casts, and for which
 * claim. Each weighting then only re-totals them from an array of weights, a step up or down being
 * one claim's weight replaced; no table of weights or map is built per weighting, and the
 * manifest's side (the claims in order, their weights, signals and which are takeaways) is worked
 * out once per manifest. The result is the same as totalling {@link ClaimWeights#total} under each
 * weighting: a vote is worth its strongest claim's weight (never less than -1, as there), a claim
 * without a weight in the manifest weighs 0 under every weighting, and the candidates are the
 * manifest's, then any other that has evidence, in that order.
 */
final class VerdictRobustness {
    /** The index of a claim that the manifest does not weigh: it weighs 0 under every weighting. */
    private static final int UNWEIGHED = -1;
    /** The manifest side of the last computation: immutable, so shared between threads. */
    private static volatile Table last;

    private VerdictRobustness() {
    }

    static Decision.Robustness of(Manifest manifest, List<Evidence> evidence, String verdict) {
        Table table = Table.of(manifest);
        Votes votes = new Votes(table, evidence);
        int margin = manifest.margin;
        if (!verdict.equals(votes.verdictUnder(table.base, UNWEIGHED, 0, margin))) {
            return Access.root().robustness(0, List.of(),
                    "not computed: the rules' verdict is not the margin over the claims' weights, so other weightings cannot be replayed");
        }
        List<Decision.Robustness.Change> changes = new ArrayList<>(4);
        String other = votes.verdictUnder(table.equal, UNWEIGHED, 0, margin);
        if (!other.equals(verdict)) {
            changes.add(Access.root().robustnessChange("all weights equal", other));
        }
        other = votes.verdictUnder(table.takeawaysOnly, UNWEIGHED, 0, margin);
        if (!other.equals(verdict)) {
            changes.add(Access.root().robustnessChange("takeaways only", other));
        }
        for (int claim = 0; claim < table.claims.length; claim++) {
            if (!votes.cites(claim)) {
                // No vote can move: the verdict is the rules' one, which is the one under the base weights.
                continue;
            }
            int weight = table.base[claim];
            other = votes.verdictUnder(table.base, claim, weight + 1, margin);
            if (!other.equals(verdict)) {
                changes.add(Access.root().robustnessChange(table.claims[claim] + " weighed " + (weight + 1) + " instead of " + weight, other));
            }
            other = votes.verdictUnder(table.base, claim, weight - 1, margin);
            if (!other.equals(verdict)) {
                changes.add(Access.root().robustnessChange(table.claims[claim] + " weighed " + (weight - 1) + " instead of " + weight, other));
            }
        }
        return Access.root().robustness(2 + 2 * table.claims.length, changes, null);
    }

    /** The manifest's weighed claims in manifest order, with their weights under the fixed weightings and their signals. */
    private static final class Table {
        final Manifest manifest;
        final ClaimWeights weights;
        final String[] claims;
        final String[] signals;
        final int[] base;
        final int[] equal;
        final int[] takeawaysOnly;
        final Map<String, Integer> indexOf;
        final String[] candidates;

        private Table(Manifest manifest) {
            this.manifest = manifest;
            this.weights = manifest.weights;
            Map<String, Integer> weighed = weights.weights();
            int count = weighed.size();
            claims = new String[count];
            signals = new String[count];
            base = new int[count];
            equal = new int[count];
            takeawaysOnly = new int[count];
            indexOf = new HashMap<>(count * 2);
            int next = 0;
            for (Map.Entry<String, Integer> claim : weighed.entrySet()) {
                claims[next] = claim.getKey();
                signals[next] = weights.signalOf(claim.getKey());
                base[next] = claim.getValue();
                equal[next] = 1;
                takeawaysOnly[next] = manifest.claims.get(claim.getKey()).takeaway() ? claim.getValue() : 0;
                indexOf.put(claim.getKey(), next);
                next++;
            }
            candidates = manifest.candidates.keySet().toArray(new String[0]);
        }

        static Table of(Manifest manifest) {
            Table table = last;
            if (table == null || table.manifest != manifest || table.weights != manifest.weights) {
                table = new Table(manifest);
                last = table;
            }
            return table;
        }
    }

    /** The votes a decision's evidence casts: per piece of evidence its claim and its vote; per vote its candidate. */
    private static final class Votes {
        private final String[] candidates;
        private final int candidateCount;
        /** Per piece of evidence: the index of its claim (or {@link #UNWEIGHED}) and of its vote. */
        private final int[] claimOf;
        private final int[] voteOf;
        private final int pieces;
        /** Per vote: its candidate and signal. */
        private final int[] candidateOf;
        private final String[] signalOf;
        private final int voteCount;
        private final boolean[] cited;
        private final int[] strongest;
        private final int[] totals;

        Votes(Table table, List<Evidence> evidence) {
            int size = evidence.size();
            String[] candidates = table.candidates;
            int candidateCount = candidates.length;
            claimOf = new int[size];
            voteOf = new int[size];
            candidateOf = new int[size];
            signalOf = new String[size];
            cited = new boolean[table.claims.length];
            int votes = 0;
            for (int e = 0; e < size; e++) {
                Evidence each = evidence.get(e);
                String candidate = each.getCandidate();
                int c = 0;
                while (c < candidateCount && !candidates[c].equals(candidate)) {
                    c++;
                }
                if (c == candidateCount) {
                    // A candidate the manifest does not name: it still scores, after the manifest's.
                    if (candidates == table.candidates) {
                        candidates = java.util.Arrays.copyOf(candidates, candidateCount + size);
                    }
                    candidates[candidateCount++] = candidate;
                }
                Integer index = table.indexOf.get(each.getClaim());
                int claim = index == null ? UNWEIGHED : index;
                String signal = claim == UNWEIGHED ? table.weights.signalOf(each.getClaim()) : table.signals[claim];
                int vote = 0;
                while (vote < votes && !(candidateOf[vote] == c && signalOf[vote].equals(signal))) {
                    vote++;
                }
                if (vote == votes) {
                    candidateOf[vote] = c;
                    signalOf[vote] = signal;
                    votes++;
                }
                claimOf[e] = claim;
                voteOf[e] = vote;
                if (claim != UNWEIGHED) {
                    cited[claim] = true;
                }
            }
            this.candidates = candidates;
            this.candidateCount = candidateCount;
            this.pieces = size;
            this.voteCount = votes;
            this.strongest = new int[votes];
            this.totals = new int[candidateCount];
        }

        /** Whether some evidence names the claim, so that its weight can move a score. */
        boolean cites(int claim) {
            return cited[claim];
        }

        /**
         * The verdict the decision rules give under {@code weights}, claim {@code changed} (unless
         * {@link #UNWEIGHED}) weighing {@code changedWeight} instead: the candidate that leads every
         * other by the margin, else either.
         */
        String verdictUnder(int[] weights, int changed, int changedWeight, int margin) {
            java.util.Arrays.fill(strongest, 0, voteCount, -1);
            for (int e = 0; e < pieces; e++) {
                int claim = claimOf[e];
                int weight = claim == UNWEIGHED ? 0 : claim == changed ? changedWeight : weights[claim];
                if (weight > strongest[voteOf[e]]) {
                    strongest[voteOf[e]] = weight;
                }
            }
            java.util.Arrays.fill(totals, 0);
            for (int vote = 0; vote < voteCount; vote++) {
                totals[candidateOf[vote]] += strongest[vote];
            }
            for (int leader = 0; leader < candidateCount; leader++) {
                boolean leads = true;
                for (int other = 0; other < candidateCount; other++) {
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
}
