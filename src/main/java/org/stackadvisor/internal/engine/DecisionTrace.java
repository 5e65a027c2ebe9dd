package org.stackadvisor.internal.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.Firing;
import org.stackadvisor.Proof;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.vocabulary.FieldSpec;
import org.stackadvisor.internal.facts.CatalogueEntry;
import org.stackadvisor.internal.facts.Caveat;
import org.stackadvisor.internal.facts.ClaimWeights;
import org.stackadvisor.internal.facts.Evidence;
import org.stackadvisor.internal.facts.RuleFact;
import org.stackadvisor.internal.facts.Score;
import org.stackadvisor.internal.facts.Tension;
import org.stackadvisor.internal.facts.Term;
import org.stackadvisor.internal.facts.Verdict;
import org.stackadvisor.internal.json.Json;

/**
 * The trace of one decision as captured from its session (the recorded firings, every current
 * justification of every logical fact, the final facts), and the conclusions, proofs and firings
 * built from it the first time a caller reads them. Building them costs as much as the rules'
 * firing itself, and many callers only want the verdict, so it is done once, on demand. The
 * capture is never changed after the session ends, so the result is the same whenever it is built;
 * building is synchronized, so a decision shared between threads builds it once.
 */
public final class DecisionTrace {
    private final RuleBase ruleBase;
    private final List<TraceRecorder.RecordedFiring> recorded;
    private final Map<Object, List<TraceRecorder.RecordedFiring>> justifiedBy;
    private final List<Object> objects;
    private volatile Built built;
    private volatile Decision.Robustness robustness;

    DecisionTrace(RuleBase ruleBase, List<TraceRecorder.RecordedFiring> recorded,
            Map<Object, List<TraceRecorder.RecordedFiring>> justifiedBy, List<Object> objects) {
        this.ruleBase = ruleBase;
        this.recorded = recorded;
        this.justifiedBy = justifiedBy;
        this.objects = objects;
    }

    /** The rule base that made the decision. */
    public RuleBase ruleBase() {
        return ruleBase;
    }

    public List<Conclusion> conclusions() {
        return built().conclusions;
    }

    public List<Firing> firings() {
        return built().firings;
    }

    public List<Decision.Unweighed> notWeighed() {
        return built().notWeighed;
    }

    /**
     * The rules of the firings the decision rests on (those not superseded), in firing order, each
     * once: read from the recorded firings without building them.
     */
    public List<String> firedRules() {
        Set<String> rules = new LinkedHashSet<>();
        for (TraceRecorder.RecordedFiring firing : recorded) {
            if (firing.supporting) {
                rules.add(firing.rule);
            }
        }
        return List.copyOf(rules);
    }

    /**
     * For each candidate, the rules behind its recommendations and the weight of the vote each
     * rule supports (the largest, if it supports several): what the recommendations say, worked
     * out from the final evidence and its justifications without building conclusions or proofs.
     */
    public Map<String, Map<String, Integer>> support() {
        Map<String, Map<String, Integer>> support = new HashMap<>(4);
        for (ClaimWeights.Vote vote : ruleBase.manifest.weights.votes(evidence())) {
            Map<String, Integer> byRule = support.computeIfAbsent(vote.candidate(), candidate -> new HashMap<>());
            for (Evidence each : vote.evidence()) {
                for (TraceRecorder.RecordedFiring firing : justifiedBy.getOrDefault(each, List.of())) {
                    byRule.merge(firing.rule, vote.weight(), Math::max);
                }
            }
        }
        return support;
    }

    /** The evidence the session holds at the end, in session order. */
    private List<Evidence> evidence() {
        List<Evidence> evidence = new ArrayList<>();
        for (Object object : objects) {
            if (object instanceof Evidence) {
                evidence.add((Evidence) object);
            }
        }
        return evidence;
    }

    /** Worked out from the final evidence alone, without building the trace, the first time it is read. */
    public Decision.Robustness robustness(String verdict) {
        Decision.Robustness result = robustness;
        if (result == null) {
            result = VerdictRobustness.of(ruleBase.manifest, evidence(), verdict);
            robustness = result;
        }
        return result;
    }

    private Built built() {
        Built result = built;
        if (result == null) {
            synchronized (this) {
                result = built;
                if (result == null) {
                    result = new Builder().build();
                    built = result;
                }
            }
        }
        return result;
    }

    /** The conclusions and firings of a decision, in their decision JSON order. */
    private static final class Built {
        final List<Conclusion> conclusions;
        final List<Firing> firings;

        final List<Decision.Unweighed> notWeighed;

        Built(List<Conclusion> conclusions, List<Firing> firings, List<Decision.Unweighed> notWeighed) {
            this.conclusions = List.copyOf(conclusions);
            this.firings = List.copyOf(firings);
            this.notWeighed = List.copyOf(notWeighed);
        }
    }

    /** Builds once, sharing the rendering of each fact and the proof of each fact across the whole trace. */
    private final class Builder {
        private final Set<Object> current = Collections.newSetFromMap(new IdentityHashMap<>());
        private Map<Object, Object> currentByValue;
        private final Map<Object, Map<String, Object>> renderedFacts = new IdentityHashMap<>();
        private final Map<Object, Proof> proofs = new IdentityHashMap<>();
        private final Set<Proof> withCycle = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Object> onPath = Collections.newSetFromMap(new IdentityHashMap<>());

        Built build() {
            current.addAll(objects);
            List<Conclusion> verdicts = new ArrayList<>(1);
            List<Conclusion> scores = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            List<Conclusion> caveats = new ArrayList<>();
            List<Conclusion> tensions = new ArrayList<>();
            for (Object object : objects) {
                if (object instanceof Verdict) {
                    String verdict = ((Verdict) object).getCandidate();
                    verdicts.add(conclusion(Conclusion.VERDICT, verdictText(verdict), object, verdict, null));
                } else if (object instanceof Score) {
                    Score score = (Score) object;
                    scores.add(conclusion(Conclusion.SCORE, label(score.getCandidate()) + " scores " + score.getTotal(),
                            object, score.getCandidate(), score.getTotal()));
                } else if (object instanceof Evidence) {
                    evidence.add((Evidence) object);
                } else if (object instanceof Caveat) {
                    caveats.add(conclusion(Conclusion.CAVEAT, ((Caveat) object).getText(), object, null, null));
                } else if (object instanceof Tension) {
                    Tension tension = (Tension) object;
                    tensions.add(conclusion(Conclusion.TENSION, tension.getClaim() + " against " + tension.getOtherClaim()
                            + ": " + tension.getWayOut(), object, null, null));
                }
            }
            List<String> candidateOrder = List.copyOf(ruleBase.manifest.candidates.keySet());
            evidence.sort(Comparator.comparingInt((Evidence each) -> firstJustifyingFiring(each)).thenComparing(Evidence::getClaim));
            List<ClaimWeights.Vote> votes = ruleBase.manifest.weights.votes(evidence);
            List<Conclusion> recommendations = new ArrayList<>(votes.size());
            for (ClaimWeights.Vote vote : votes) {
                recommendations.add(voteConclusion(vote));
            }
            tensions.addAll(opposingVotes(votes, candidateOrder));
            if (!verdicts.isEmpty() && Decision.EITHER.equals(verdicts.get(0).candidate())) {
                verdicts.set(0, eitherNamingTensions(verdicts.get(0), tensions));
            }
            Comparator<Conclusion> byFirstFiring = Comparator
                    .comparing((Conclusion conclusion) -> conclusion.firings().isEmpty() ? 0 : conclusion.firings().get(0))
                    .thenComparing(Conclusion::text);
            scores.sort(Comparator.comparing(score -> candidateOrder.indexOf(score.candidate())));
            recommendations.sort(Comparator.comparing((Conclusion conclusion) -> -conclusion.points()).thenComparing(byFirstFiring));
            caveats.sort(byFirstFiring);
            List<Conclusion> conclusions = new ArrayList<>(verdicts);
            conclusions.addAll(scores);
            conclusions.addAll(recommendations);
            conclusions.addAll(caveats);
            conclusions.addAll(tensions);
            return new Built(conclusions, firings(), notWeighed());
        }

        /** An {@code either} verdict says which tensions produced it, or that nothing tipped the balance. */
        private Conclusion eitherNamingTensions(Conclusion verdict, List<Conclusion> tensions) {
            String why = tensions.isEmpty() ? "; nothing in the article tips the balance for this project"
                    : "; the article pulls both ways: " + tensions.stream()
                            .map(tension -> String.join(", ", tension.claims())).collect(Collectors.joining("; "));
            return Access.root().conclusion(verdict.kind(), verdict.text() + why, verdict.claims(), verdict.rules(), verdict.candidate(),
                    verdict.points(), verdict.firings(), verdict.proof());
        }

        /**
         * One recommendation per vote: every piece of evidence of the vote's claims, with every
         * firing that justifies any of them, under the weight-giving claim's text.
         */
        private Conclusion voteConclusion(ClaimWeights.Vote vote) {
            if (vote.evidence().size() == 1) {
                return conclusion(Conclusion.RECOMMENDATION, vote.evidence().get(0).getText(), vote.evidence().get(0),
                        vote.candidate(), vote.weight());
            }
            Set<String> claims = new LinkedHashSet<>(vote.claims());
            List<TraceRecorder.RecordedFiring> derivedBy = new ArrayList<>();
            List<Proof.Derivation> derivations = new ArrayList<>();
            for (Evidence each : vote.evidence()) {
                derivedBy.addAll(justifyingFirings(each));
                derivations.addAll(proofOf(each).derivations());
            }
            derivedBy.sort(Comparator.comparingInt(firing -> firing.seq));
            derivations.sort(Comparator.comparingInt(Proof.Derivation::firing));
            Evidence lead = vote.evidence().get(0);
            // The vote is no fact of the session: its node groups the evidence of claims that
            // restate one another, and its derivations are those of each piece of it.
            Map<String, Object> grouped = new LinkedHashMap<>(8);
            grouped.put("type", "Vote");
            grouped.put("candidate", vote.candidate());
            grouped.put("claims", List.copyOf(claims));
            grouped.put("weight", vote.weight());
            grouped.put("text", lead.getText());
            Proof proof = Access.root().proof(grouped, false, false, derivations);
            return conclusion(Conclusion.RECOMMENDATION, lead.getText(), derivedBy, claims, vote.candidate(), vote.weight(), proof);
        }

        /**
         * A tension for each pair of candidates that both have votes: the article pulls this project
         * both ways. It names the claims on each side, in weight order, the evidence behind them as its
         * proof, and the article's own way out wherever the manifest records one for a pair of them.
         */
        private List<Conclusion> opposingVotes(List<ClaimWeights.Vote> votes, List<String> candidateOrder) {
            List<Conclusion> tensions = new ArrayList<>();
            for (int i = 0; i < candidateOrder.size(); i++) {
                for (int j = i + 1; j < candidateOrder.size(); j++) {
                    List<ClaimWeights.Vote> one = votesFor(votes, candidateOrder.get(i));
                    List<ClaimWeights.Vote> other = votesFor(votes, candidateOrder.get(j));
                    if (!one.isEmpty() && !other.isEmpty()) {
                        tensions.add(tension(candidateOrder.get(i), one, candidateOrder.get(j), other));
                    }
                }
            }
            return tensions;
        }

        private List<ClaimWeights.Vote> votesFor(List<ClaimWeights.Vote> votes, String candidate) {
            List<ClaimWeights.Vote> theirs = new ArrayList<>();
            for (ClaimWeights.Vote vote : votes) {
                if (vote.candidate().equals(candidate)) {
                    theirs.add(vote);
                }
            }
            theirs.sort(Comparator.comparingInt((ClaimWeights.Vote vote) -> -vote.weight()));
            return theirs;
        }

        private Conclusion tension(String candidate, List<ClaimWeights.Vote> votes, String rival, List<ClaimWeights.Vote> rivalVotes) {
            Set<String> claims = new LinkedHashSet<>();
            Set<String> rivalClaims = new LinkedHashSet<>();
            votes.forEach(vote -> claims.addAll(vote.claims()));
            rivalVotes.forEach(vote -> rivalClaims.addAll(vote.claims()));
            List<String> waysOut = new ArrayList<>();
            for (String claim : claims) {
                for (String rivalClaim : rivalClaims) {
                    String wayOut = ruleBase.manifest.wayOut(claim, rivalClaim);
                    if (wayOut != null) {
                        waysOut.add(claim + " against " + rivalClaim + ": " + wayOut);
                    }
                }
            }
            String text = "The article pulls both ways: " + String.join(", ", claims) + " for " + label(candidate) + ", "
                    + String.join(", ", rivalClaims) + " for " + label(rival)
                    + (waysOut.isEmpty() ? "; it gives no way out here" : "; the article's way out: " + String.join("; ", waysOut));
            List<TraceRecorder.RecordedFiring> derivedBy = new ArrayList<>();
            List<Proof> premises = new ArrayList<>();
            for (List<ClaimWeights.Vote> side : List.of(votes, rivalVotes)) {
                for (ClaimWeights.Vote vote : side) {
                    for (Evidence each : vote.evidence()) {
                        derivedBy.addAll(justifyingFirings(each));
                        premises.add(proofOf(each));
                    }
                }
            }
            derivedBy.sort(Comparator.comparingInt(firing -> firing.seq));
            Set<String> allClaims = new LinkedHashSet<>(claims);
            allClaims.addAll(rivalClaims);
            Map<String, Object> fact = new LinkedHashMap<>();
            fact.put("type", "Tension");
            fact.put("candidates", List.of(candidate, rival));
            fact.put("claims", List.copyOf(allClaims));
            List<Proof.Derivation> derivations = new ArrayList<>();
            for (Proof premise : premises) {
                derivations.addAll(premise.derivations());
            }
            derivations.sort(Comparator.comparingInt(Proof.Derivation::firing));
            Proof proof = Access.root().proof(new Json.Shared(fact), false, false, derivations);
            return conclusion(Conclusion.TENSION, text, derivedBy, allClaims, null, null, proof);
        }

        /** Every input term that no firing matched, with the manifest's reason why the article does not weigh it. */
        private List<Decision.Unweighed> notWeighed() {
            Set<Object> used = new HashSet<>();
            for (TraceRecorder.RecordedFiring firing : recorded) {
                Collections.addAll(used, firing.objects);
            }
            Map<String, String> catalogued = new HashMap<>();
            for (Object object : objects) {
                if (object instanceof CatalogueEntry) {
                    catalogued.put(((CatalogueEntry) object).getLibrary(), ((CatalogueEntry) object).getEcosystem());
                }
            }
            List<Decision.Unweighed> unweighed = new ArrayList<>();
            for (Object object : objects) {
                if (object instanceof Term && !used.contains(object)) {
                    Term term = (Term) object;
                    FieldSpec spec = ruleBase.manifest.vocabulary.get(term.getField());
                    String ecosystem = catalogued.get(term.getValue());
                    boolean known = spec == null || spec.type == FieldSpec.Type.WORD || spec.type == FieldSpec.Type.BOOLEAN
                            || spec.knows(term.getValue()) || ecosystem != null;
                    String reason = ecosystem != null ? "the library catalogue finds it in both registries without a clear majority,"
                            + " so it weighs for neither ecosystem (" + ecosystem + ")"
                            : known ? ruleBase.manifest.notWeighedReason(term.getField(), term.getValue())
                            : "not in the rule base's vocabulary nor its library catalogue, so no claim of the article speaks of it";
                    unweighed.add(Access.root().unweighed(term.getField(), term.getValue(), reason, known));
                }
            }
            unweighed.sort(Comparator.comparing(Decision.Unweighed::field).thenComparing(Decision.Unweighed::term));
            return unweighed;
        }

        private String verdictText(String verdict) {
            if (verdict.equals(Decision.EITHER)) {
                return "Either " + String.join(" or ", ruleBase.manifest.candidates.values())
                        + " will do: no candidate leads by the margin of " + ruleBase.manifest.margin + " points";
            }
            return "Choose " + label(verdict) + ": it leads every other candidate by at least " + ruleBase.manifest.margin + " points";
        }

        private String label(String candidate) {
            return ruleBase.manifest.candidates.getOrDefault(candidate, candidate);
        }

        private Conclusion conclusion(String kind, String text, Object fact, String candidate, Integer points) {
            return conclusion(kind, text, justifyingFirings(fact), new LinkedHashSet<>(), candidate, points, proofOf(fact));
        }

        /** A conclusion derived by these firings, citing the given claims first, then those of the firings' rules. */
        private Conclusion conclusion(String kind, String text, List<TraceRecorder.RecordedFiring> derivedBy, Set<String> claims,
                String candidate, Integer points, Proof proof) {
            Set<String> rules = new LinkedHashSet<>();
            Set<Integer> seqs = new LinkedHashSet<>();
            for (TraceRecorder.RecordedFiring firing : derivedBy) {
                rules.add(firing.rule);
                claims.addAll(claimsOf(firing));
                seqs.add(firing.seq);
            }
            return Access.root().conclusion(kind, text, List.copyOf(claims), List.copyOf(rules), candidate, points,
                    List.copyOf(seqs), proof);
        }

        private List<String> claimsOf(TraceRecorder.RecordedFiring firing) {
            RuleInfo info = ruleBase.rules.get(firing.rule);
            return info == null ? List.of() : info.claims;
        }

        /**
         * The proof of a fact: every firing that currently justifies it, each with the proofs of the
         * facts it matched, down to the input facts. {@link #onPath} holds the facts being proved
         * further up this branch, so that a circle of rules ends in a node marked as a cycle
         * instead of recursing forever; a proof with such a node inside is not reused elsewhere,
         * because the same fact reached by another path may have no cycle.
         */
        private Proof proofOf(Object matched) {
            Object fact = inSession(matched);
            if (fact instanceof RuleFact && ((RuleFact) fact).isInput()) {
                return proofs.computeIfAbsent(fact, input -> Access.root().proof(renderFact(input), true, false, List.of()));
            }
            if (onPath.contains(fact)) {
                Proof cycle = Access.root().proof(renderFact(fact), false, true, List.of());
                withCycle.add(cycle);
                return cycle;
            }
            Proof known = proofs.get(fact);
            if (known != null) {
                return known;
            }
            onPath.add(fact);
            boolean cyclic = false;
            List<TraceRecorder.RecordedFiring> firings = justifyingFirings(fact);
            List<Proof.Derivation> derivations = new ArrayList<>(firings.size());
            for (TraceRecorder.RecordedFiring firing : firings) {
                List<Object> premiseFacts = premisesOf(firing);
                List<Proof> premises = new ArrayList<>(premiseFacts.size());
                for (Object premise : premiseFacts) {
                    Proof proof = proofOf(premise);
                    cyclic |= withCycle.contains(proof);
                    premises.add(proof);
                }
                premises.addAll(absences(firing));
                derivations.add(Access.root().derivation(firing.seq, firing.rule, claimsOf(firing), premises));
            }
            onPath.remove(fact);
            Proof proof = Access.root().proof(renderFact(fact), false, false, derivations);
            if (cyclic) {
                withCycle.add(proof);
            } else {
                proofs.put(fact, proof);
            }
            return proof;
        }

        /** Each negated condition of a firing's rule, as a leaf of its proof: what held because no fact matched it. */
        private List<Proof> absences(TraceRecorder.RecordedFiring firing) {
            RuleInfo info = ruleBase.rules.get(firing.rule);
            if (info == null || info.negations.isEmpty()) {
                return List.of();
            }
            List<Proof> absences = new ArrayList<>(info.negations.size());
            for (RuleInfo.Negation negation : info.negations) {
                Map<String, Object> absence = new LinkedHashMap<>(4);
                absence.put("type", "Absence");
                absence.put("condition", negation.condition);
                absences.add(Access.root().proof(absence, true, false, List.of()));
            }
            return absences;
        }

        /**
         * The facts a firing rests on: those its patterns matched, in pattern order, then the facts
         * its declarations collected (the evidence an accumulate summed, which the match itself does
         * not expose), ordered by the firing that derived them.
         */
        private List<Object> premisesOf(TraceRecorder.RecordedFiring firing) {
            List<Object> premises = new ArrayList<>(firing.objects.length);
            for (Object object : firing.objects) {
                Object fact = inSession(object);
                if (fact instanceof RuleFact && !containsSame(premises, fact)) {
                    premises.add(fact);
                }
            }
            List<Object> collected = new ArrayList<>();
            for (Object value : firing.declarationValues) {
                for (Object element : value instanceof Collection ? (Collection<?>) value : List.of(value)) {
                    Object fact = inSession(element);
                    if (fact instanceof RuleFact && !containsSame(premises, fact) && !containsSame(collected, fact)) {
                        collected.add(fact);
                    }
                }
            }
            collected.sort(Comparator.comparingInt(this::firstJustifyingFiring).thenComparing(String::valueOf));
            premises.addAll(collected);
            premises.addAll(measuredAgainst(firing, premises));
            return premises;
        }

        /**
         * The facts a firing's negated conditions were measured against: for a condition that
         * compares with the rule's bound variables (the verdict's "no other score within the
         * margin"), every fact of its type in the session that the firing did not match (the
         * rivals' scores), in session order.
         */
        private List<Object> measuredAgainst(TraceRecorder.RecordedFiring firing, List<Object> premises) {
            RuleInfo info = ruleBase.rules.get(firing.rule);
            if (info == null || info.negations.isEmpty()) {
                return List.of();
            }
            List<Object> measured = new ArrayList<>(2);
            for (RuleInfo.Negation negation : info.negations) {
                if (!negation.measuresAgainstFacts) {
                    continue;
                }
                for (Object object : objects) {
                    if (object instanceof RuleFact && object.getClass().getSimpleName().equals(negation.type)
                            && !containsSame(premises, object) && !containsSame(measured, object)) {
                        measured.add(object);
                    }
                }
            }
            return measured;
        }

        /**
         * The session's own instance of a fact: a firing may have matched an equal instance that
         * truth maintenance later retracted and inserted again.
         */
        private Object inSession(Object fact) {
            if (!(fact instanceof RuleFact) || current.contains(fact)) {
                return fact;
            }
            if (currentByValue == null) {
                currentByValue = new HashMap<>();
                objects.forEach(object -> currentByValue.putIfAbsent(object, object));
            }
            return currentByValue.getOrDefault(fact, fact);
        }

        /** Whether the list holds this very object; a firing rests on a handful of facts, so a scan beats a set. */
        private boolean containsSame(List<Object> facts, Object fact) {
            for (Object each : facts) {
                if (each == fact) {
                    return true;
                }
            }
            return false;
        }

        private int firstJustifyingFiring(Object fact) {
            List<TraceRecorder.RecordedFiring> firings = justifyingFirings(fact);
            return firings.isEmpty() ? 0 : firings.get(0).seq;
        }

        private List<TraceRecorder.RecordedFiring> justifyingFirings(Object fact) {
            return justifiedBy.getOrDefault(fact, List.of());
        }

        private List<Firing> firings() {
            List<Firing> firings = new ArrayList<>(recorded.size());
            Map<TraceRecorder.RecordedFiring, List<Object>> derived = derivedBy();
            for (TraceRecorder.RecordedFiring firing : recorded) {
                RuleInfo info = ruleBase.rules.get(firing.rule);
                Map<String, Object> matched = new LinkedHashMap<>();
                for (int i = 0; i < firing.declarationValues.length; i++) {
                    matched.put(firing.declarationIds.get(i), render(firing.declarationValues[i]));
                }
                firings.add(Access.root().firing(firing.seq, firing.rule, info == null ? "" : info.section, claimsOf(firing),
                        Collections.unmodifiableMap(matched), renderFacts(List.of(firing.objects)),
                        renderFacts(derived.getOrDefault(firing, firing.inserted())), !firing.supporting));
            }
            return firings;
        }

        /**
         * What each firing derived, as its proofs say: what it inserted, then each fact that truth
         * maintenance holds in its name although an earlier firing had inserted an equal one (its
         * insert then added a justification, and Drools reports no insert). Only firings with such
         * a fact are in the map.
         */
        private Map<TraceRecorder.RecordedFiring, List<Object>> derivedBy() {
            Map<TraceRecorder.RecordedFiring, List<Object>> derived = new IdentityHashMap<>();
            for (Object fact : objects) {
                for (TraceRecorder.RecordedFiring firing : justifyingFirings(fact)) {
                    List<Object> inserted = derived.getOrDefault(firing, firing.inserted());
                    if (!inserted.contains(fact)) {
                        if (inserted == firing.inserted()) {
                            inserted = new ArrayList<>(inserted);
                            derived.put(firing, inserted);
                        }
                        inserted.add(fact);
                    }
                }
            }
            return derived;
        }

        private List<Map<String, Object>> renderFacts(List<Object> facts) {
            List<Map<String, Object>> rendered = new ArrayList<>(facts.size());
            for (Object fact : facts) {
                if (fact instanceof RuleFact) {
                    rendered.add(renderFact(fact));
                }
            }
            return Collections.unmodifiableList(rendered);
        }

        /** A fact as a map, rendered once per decision and shared, read-only, by every firing and proof that shows it. */
        private Map<String, Object> renderFact(Object fact) {
            Map<String, Object> known = renderedFacts.get(fact);
            if (known != null) {
                return known;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            if (fact instanceof RuleFact) {
                map.put("type", ((RuleFact) fact).type());
                map.putAll(((RuleFact) fact).attributes());
                if (fact instanceof Evidence) {
                    map.put("weight", ruleBase.manifest.weights.weightOf(((Evidence) fact).getClaim()));
                }
            } else {
                map.put("type", fact == null ? "null" : fact.getClass().getSimpleName());
                map.put("value", render(fact));
            }
            Map<String, Object> rendered = new Json.Shared(map);
            renderedFacts.put(fact, rendered);
            return rendered;
        }

        private Object render(Object value) {
            if (value instanceof RuleFact) {
                return renderFact(value);
            }
            if (value instanceof Double || value instanceof Float) {
                double number = ((Number) value).doubleValue();
                return number == Math.rint(number) && Math.abs(number) < 1e15 ? (Object) (long) number : (Object) number;
            }
            if (value instanceof Number || value instanceof Boolean || value instanceof String || value == null) {
                return value;
            }
            if (value instanceof Collection) {
                return Collections.unmodifiableList(((Collection<?>) value).stream().map(this::render).collect(Collectors.toList()));
            }
            return String.valueOf(value);
        }
    }
}
