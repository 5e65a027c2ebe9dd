package org.stackadvisor;

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
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;
import org.stackadvisor.internal.facts.Candidate;
import org.stackadvisor.internal.facts.Caveat;
import org.stackadvisor.internal.facts.DecisionMargin;
import org.stackadvisor.internal.facts.Evidence;
import org.stackadvisor.internal.facts.RuleFact;
import org.stackadvisor.internal.facts.Score;
import org.stackadvisor.internal.facts.Term;
import org.stackadvisor.internal.facts.Verdict;

/**
 * One decision: a fresh session over the shared knowledge base, the input facts inserted in
 * canonical order, the rules fired up to a limit, and the final state read back into a
 * {@link Decision} with the trace.
 */
final class DecisionRun {
    private final RuleBase ruleBase;
    private final ValidFacts facts;
    private final TraceRecorder recorder = new TraceRecorder();
    private Map<Object, List<Match>> justifications;
    private Map<Object, Object> sessionFacts;
    private final Map<Object, Proof> proofs = new IdentityHashMap<>();

    private DecisionRun(RuleBase ruleBase, ValidFacts facts) {
        this.ruleBase = ruleBase;
        this.facts = facts;
    }

    static Decision decide(RuleBase ruleBase, ValidFacts facts, int firingLimit) {
        return new DecisionRun(ruleBase, facts).run(firingLimit);
    }

    private Decision run(int firingLimit) {
        KieSession session = ruleBase.kieBase.newKieSession();
        try {
            session.addEventListener((AgendaEventListener) recorder);
            session.addEventListener((RuleRuntimeEventListener) recorder);
            ruleBase.manifest.candidates.forEach((id, label) -> session.insert(new Candidate(id, label)));
            session.insert(new DecisionMargin(ruleBase.manifest.margin));
            for (Term term : facts.terms()) {
                session.insert(term);
            }
            int fired = session.fireAllRules(firingLimit + 1);
            if (fired > firingLimit) {
                throw runaway(firingLimit);
            }
            justifications = Justifications.of(session);
            Collection<? extends Object> objects = session.getObjects();
            sessionFacts = new HashMap<>();
            objects.forEach(object -> sessionFacts.putIfAbsent(object, object));
            return decision(objects);
        } finally {
            session.dispose();
        }
    }

    private InvalidRuleBaseException runaway(int firingLimit) {
        Map<String, Long> counts = recorder.firings().stream()
                .collect(Collectors.groupingBy(firing -> firing.rule, TreeMap::new, Collectors.counting()));
        String top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(entry -> "\"" + entry.getKey() + "\" (" + entry.getValue() + " times)")
                .collect(Collectors.joining(", "));
        return new InvalidRuleBaseException(List.of(new Problem(ruleBase.files.origin, 0, 0, "",
                "the rules fired more than " + firingLimit + " times without settling, so no verdict was given;"
                        + " the rules that fired most: " + top)));
    }

    private Decision decision(Collection<? extends Object> objects) {
        List<Conclusion> verdicts = new ArrayList<>();
        List<Conclusion> scores = new ArrayList<>();
        List<Conclusion> recommendations = new ArrayList<>();
        List<Conclusion> caveats = new ArrayList<>();
        Map<String, Integer> scoreByCandidate = new LinkedHashMap<>();
        ruleBase.manifest.candidates.keySet().forEach(id -> scoreByCandidate.put(id, 0));
        String verdict = null;
        for (Object object : objects) {
            if (object instanceof Verdict) {
                verdict = ((Verdict) object).getCandidate();
                verdicts.add(conclusion(Conclusion.VERDICT, verdictText(verdict), object, verdict, null));
            } else if (object instanceof Score) {
                Score score = (Score) object;
                scoreByCandidate.put(score.getCandidate(), score.getTotal());
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
        if (verdicts.size() != 1) {
            throw new InvalidRuleBaseException(List.of(new Problem(ruleBase.files.origin, 0, 0, "",
                    verdicts.isEmpty() ? "the rules derived no verdict for project '" + facts.name + "'"
                            : "the rules derived " + verdicts.size() + " verdicts for project '" + facts.name + "': "
                                    + verdicts.stream().map(Conclusion::candidate).sorted().collect(Collectors.joining(", ")))));
        }
        Comparator<Conclusion> byFirstFiring = Comparator
                .comparing((Conclusion conclusion) -> conclusion.firings().isEmpty() ? 0 : conclusion.firings().get(0))
                .thenComparing(Conclusion::text);
        scores.sort(Comparator.comparing(score -> List.copyOf(scoreByCandidate.keySet()).indexOf(score.candidate())));
        recommendations.sort(Comparator.comparing((Conclusion conclusion) -> -conclusion.points()).thenComparing(byFirstFiring));
        caveats.sort(byFirstFiring);
        List<Conclusion> conclusions = new ArrayList<>(verdicts);
        conclusions.addAll(scores);
        conclusions.addAll(recommendations);
        conclusions.addAll(caveats);
        return new Decision(facts.name, verdict, scoreByCandidate, conclusions, firings(), knowledgeBase(), input());
    }

    private String verdictText(String verdict) {
        if (verdict.equals(Decision.EITHER)) {
            return "Either " + ruleBase.manifest.candidates.values().stream().collect(Collectors.joining(" or "))
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
        for (TraceRecorder.RecordedFiring firing : derivedBy) {
            rules.add(firing.rule);
            RuleInfo info = ruleBase.rules.get(firing.rule);
            if (info != null) {
                claims.addAll(info.claims);
            }
        }
        List<Integer> seqs = derivedBy.stream().map(firing -> firing.seq).collect(Collectors.toList());
        return new Conclusion(kind, text, List.copyOf(claims), List.copyOf(rules), candidate, points, seqs,
                proofOf(fact, Collections.newSetFromMap(new IdentityHashMap<>())));
    }

    /**
     * The proof of a fact from the session's final state: every firing that currently justifies
     * it, each with the proofs of the facts it matched, down to the input facts. {@code onPath}
     * holds the facts being proved further up this branch, so that a circle of rules ends in a
     * node marked as a cycle instead of recursing forever.
     */
    private Proof proofOf(Object matched, Set<Object> onPath) {
        Object fact = sessionFacts.getOrDefault(matched, matched);
        Map<String, Object> rendered = renderFact(fact);
        if (fact instanceof RuleFact && ((RuleFact) fact).isInput()) {
            return new Proof(rendered, true, false, List.of());
        }
        if (onPath.contains(fact)) {
            return new Proof(rendered, false, true, List.of());
        }
        Proof known = proofs.get(fact);
        if (known != null) {
            return known;
        }
        onPath.add(fact);
        List<Proof.Derivation> derivations = new ArrayList<>();
        for (TraceRecorder.RecordedFiring firing : justifyingFirings(fact)) {
            RuleInfo info = ruleBase.rules.get(firing.rule);
            List<Proof> premises = premisesOf(firing).stream().map(premise -> proofOf(premise, onPath))
                    .collect(Collectors.toList());
            derivations.add(new Proof.Derivation(firing.seq, firing.rule, info == null ? List.of() : info.claims, premises));
        }
        onPath.remove(fact);
        Proof proof = new Proof(rendered, false, false, derivations);
        if (!containsCycle(proof)) {
            proofs.put(fact, proof);
        }
        return proof;
    }

    private static boolean containsCycle(Proof proof) {
        return proof.cycle() || proof.derivations().stream()
                .anyMatch(derivation -> derivation.premises().stream().anyMatch(DecisionRun::containsCycle));
    }

    /**
     * The facts a firing rests on: those its patterns matched, in pattern order, then the facts
     * its declarations collected (the evidence an accumulate summed, which the match itself does
     * not expose), ordered by the firing that derived them.
     */
    private List<Object> premisesOf(TraceRecorder.RecordedFiring firing) {
        Set<Object> matched = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> premises = new ArrayList<>();
        for (Object object : firing.objects) {
            Object fact = sessionFacts.getOrDefault(object, object);
            if (fact instanceof RuleFact && matched.add(fact)) {
                premises.add(fact);
            }
        }
        List<Object> collected = new ArrayList<>();
        for (Object value : firing.declarations.values()) {
            for (Object element : value instanceof Collection ? (Collection<?>) value : List.of(value)) {
                Object fact = sessionFacts.getOrDefault(element, element);
                if (fact instanceof RuleFact && matched.add(fact)) {
                    collected.add(fact);
                }
            }
        }
        collected.sort(Comparator.comparingInt(this::firstJustifyingFiring).thenComparing(String::valueOf));
        premises.addAll(collected);
        return premises;
    }

    private int firstJustifyingFiring(Object fact) {
        List<TraceRecorder.RecordedFiring> firings = justifyingFirings(fact);
        return firings.isEmpty() ? 0 : firings.get(0).seq;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> renderFact(Object fact) {
        Object rendered = render(fact);
        if (rendered instanceof Map) {
            return (Map<String, Object>) rendered;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", fact == null ? "null" : fact.getClass().getSimpleName());
        map.put("value", rendered);
        return map;
    }

    /** The firings that currently justify a derived fact, in firing order. */
    List<TraceRecorder.RecordedFiring> justifyingFirings(Object fact) {
        List<Match> matches = justifications.getOrDefault(fact, List.of());
        return matches.stream().map(recorder::firingOf).filter(firing -> firing != null).distinct()
                .sorted(Comparator.comparingInt(firing -> firing.seq)).collect(Collectors.toList());
    }

    private List<Firing> firings() {
        Set<TraceRecorder.RecordedFiring> current = Collections.newSetFromMap(new IdentityHashMap<>());
        justifications.values().forEach(matches -> matches.forEach(match -> {
            TraceRecorder.RecordedFiring firing = recorder.firingOf(match);
            if (firing != null) {
                current.add(firing);
            }
        }));
        List<Firing> firings = new ArrayList<>();
        for (TraceRecorder.RecordedFiring recorded : recorder.firings()) {
            RuleInfo info = ruleBase.rules.get(recorded.rule);
            Map<String, Object> matched = new LinkedHashMap<>();
            recorded.declarations.forEach((id, value) -> matched.put(id, render(value)));
            firings.add(new Firing(recorded.seq, recorded.rule, info == null ? "" : info.section,
                    info == null ? List.of() : info.claims, matched, renderAll(recorded.objects), renderAll(recorded.inserted),
                    !current.contains(recorded)));
        }
        return firings;
    }

    /**
     * The knowledge base part of every decision of a rule base, built once per rule base: it holds
     * a hash per rule, so building it per decision would cost in proportion to the rule count.
     */
    private static final Map<RuleBase, Map<String, Object>> KNOWLEDGE_BASES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private Map<String, Object> knowledgeBase() {
        return KNOWLEDGE_BASES.computeIfAbsent(ruleBase, DecisionRun::knowledgeBaseOf);
    }

    private static Map<String, Object> knowledgeBaseOf(RuleBase ruleBase) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", ruleBase.manifest.name);
        map.put("version", ruleBase.manifest.version);
        map.put("source", ruleBase.manifest.sourceTitle);
        map.put("sha256", ruleBase.sha256);
        map.put("drools", RuleBase.droolsVersion());
        map.put("margin", ruleBase.manifest.margin);
        map.put("files", ruleBase.fileHashes);
        Map<String, String> ruleHashes = new LinkedHashMap<>();
        ruleBase.rules.forEach((name, info) -> ruleHashes.put(name, info.sha256));
        map.put("rules", java.util.Collections.unmodifiableMap(ruleHashes));
        return java.util.Collections.unmodifiableMap(map);
    }

    private Map<String, Object> input() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sha256", facts.sha256);
        map.put("facts", facts.canonical);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> renderAll(List<Object> objects) {
        List<Map<String, Object>> rendered = new ArrayList<>();
        for (Object object : objects) {
            Object value = render(object);
            if (value instanceof Map) {
                rendered.add((Map<String, Object>) value);
            }
        }
        return rendered;
    }

    static Object render(Object value) {
        if (value instanceof RuleFact) {
            RuleFact fact = (RuleFact) value;
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", fact.type());
            map.putAll(fact.attributes());
            return map;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? (Object) (long) number : (Object) number;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof String || value == null) {
            return value;
        }
        if (value instanceof Collection) {
            return ((Collection<?>) value).stream().map(DecisionRun::render).collect(Collectors.toList());
        }
        return String.valueOf(value);
    }
}
