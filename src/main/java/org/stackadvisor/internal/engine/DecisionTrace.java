package org.stackadvisor.internal.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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
import org.stackadvisor.internal.facts.Caveat;
import org.stackadvisor.internal.facts.Evidence;
import org.stackadvisor.internal.facts.RuleFact;
import org.stackadvisor.internal.facts.Score;
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

    DecisionTrace(RuleBase ruleBase, List<TraceRecorder.RecordedFiring> recorded,
            Map<Object, List<TraceRecorder.RecordedFiring>> justifiedBy, List<Object> objects) {
        this.ruleBase = ruleBase;
        this.recorded = recorded;
        this.justifiedBy = justifiedBy;
        this.objects = objects;
    }

    public List<Conclusion> conclusions() {
        return built().conclusions;
    }

    public List<Firing> firings() {
        return built().firings;
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

        Built(List<Conclusion> conclusions, List<Firing> firings) {
            this.conclusions = List.copyOf(conclusions);
            this.firings = List.copyOf(firings);
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
            List<Conclusion> recommendations = new ArrayList<>();
            List<Conclusion> caveats = new ArrayList<>();
            for (Object object : objects) {
                if (object instanceof Verdict) {
                    String verdict = ((Verdict) object).getCandidate();
                    verdicts.add(conclusion(Conclusion.VERDICT, verdictText(verdict), object, verdict, null));
                } else if (object instanceof Score) {
                    Score score = (Score) object;
                    scores.add(conclusion(Conclusion.SCORE, label(score.getCandidate()) + " scores " + score.getTotal(),
                            object, score.getCandidate(), score.getTotal()));
                } else if (object instanceof Evidence) {
                    Evidence evidence = (Evidence) object;
                    recommendations.add(conclusion(Conclusion.RECOMMENDATION, evidence.getText(), object,
                            evidence.getCandidate(), evidence.getWeight()));
                } else if (object instanceof Caveat) {
                    caveats.add(conclusion(Conclusion.CAVEAT, ((Caveat) object).getText(), object, null, null));
                }
            }
            List<String> candidateOrder = List.copyOf(ruleBase.manifest.candidates.keySet());
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
            return new Built(conclusions, firings());
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
            List<TraceRecorder.RecordedFiring> derivedBy = justifyingFirings(fact);
            Set<String> rules = new LinkedHashSet<>();
            Set<String> claims = new LinkedHashSet<>();
            List<Integer> seqs = new ArrayList<>(derivedBy.size());
            for (TraceRecorder.RecordedFiring firing : derivedBy) {
                rules.add(firing.rule);
                claims.addAll(claimsOf(firing));
                seqs.add(firing.seq);
            }
            return Access.root().conclusion(kind, text, List.copyOf(claims), List.copyOf(rules), candidate, points, seqs,
                    proofOf(fact));
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
            return premises;
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
            for (TraceRecorder.RecordedFiring firing : recorded) {
                RuleInfo info = ruleBase.rules.get(firing.rule);
                Map<String, Object> matched = new LinkedHashMap<>();
                for (int i = 0; i < firing.declarationValues.length; i++) {
                    matched.put(firing.declarationIds.get(i), render(firing.declarationValues[i]));
                }
                firings.add(Access.root().firing(firing.seq, firing.rule, info == null ? "" : info.section, claimsOf(firing),
                        Collections.unmodifiableMap(matched), renderFacts(List.of(firing.objects)),
                        renderFacts(firing.inserted()), !firing.supporting));
            }
            return firings;
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
