package org.stackadvisor.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.engine.DecisionRun;
import org.stackadvisor.internal.engine.DecisionTrace;
import org.stackadvisor.internal.engine.RuleBase;
import org.stackadvisor.internal.vocabulary.FactsValidator;
import org.stackadvisor.internal.vocabulary.ValidFacts;

/**
 * The projects one or two changes away from a project, each decided on demand and remembered:
 * every single change is decided up front (a few dozen decisions), pairs only when a search
 * finds no single change that reaches its goal, and then at most a given number of them.
 * Probe decisions are not passed to the advisor's listeners: nobody asked for them.
 */
final class Neighbourhood {
    /** What a search needs of one decided project; the full decision is not kept. */
    static final class Probe {
        final List<FactChange> changes;
        final ValidFacts facts;
        final String verdict;
        final Map<String, Integer> scores;
        final List<String> firedRules;
        /** For each candidate, the rules behind its recommendations and the largest weight each gave it. */
        final Map<String, Map<String, Integer>> support;

        Probe(List<FactChange> changes, ValidFacts facts, Decision decision) {
            this.changes = List.copyOf(changes);
            this.facts = facts;
            this.verdict = decision.verdict();
            this.scores = decision.scores();
            // Read from the trace without building conclusions, proofs or firings: a search decides
            // some 1,500 neighbours and reads nothing else of them.
            DecisionTrace trace = Access.root().trace(decision);
            this.firedRules = trace.firedRules();
            this.support = trace.support();
        }

        boolean fired(String rule) {
            return firedRules.contains(rule);
        }

        boolean supports(String candidate, String rule) {
            return support.getOrDefault(candidate, Map.of()).containsKey(rule);
        }

        Integer weight(String candidate, String rule) {
            return support.getOrDefault(candidate, Map.of()).get(rule);
        }
    }

    final RuleBase ruleBase;
    final Decision decision;
    final Probe original;
    final List<FactChange> changes;
    private final int firingLimit;
    private final List<Probe> singles = new ArrayList<>();
    private final Map<Integer, Probe> pairs = new HashMap<>();

    /** The projects near {@code project}, decided on one rule base even if a reload swaps another in meanwhile. */
    static Neighbourhood of(StackAdvisor advisor, RuleBase serving, Project project) {
        Objects.requireNonNull(project, "project");
        return new Neighbourhood(serving, FactsValidator.validate(project, serving.manifest.vocabulary, false, serving::catalogued),
                Access.root().firingLimit(advisor, serving));
    }

    /** The advisor's serving rule base, read once for one explanation. */
    static RuleBase serving(StackAdvisor advisor) {
        return Access.root().ruleBase(Objects.requireNonNull(advisor, "advisor"));
    }

    static int requireNotNegative(int pairLimit) {
        if (pairLimit < 0) {
            throw new IllegalArgumentException("pairLimit must be at least 0");
        }
        return pairLimit;
    }

    Neighbourhood(RuleBase ruleBase, ValidFacts facts, int firingLimit) {
        this.ruleBase = ruleBase;
        this.firingLimit = firingLimit;
        this.decision = DecisionRun.decide(ruleBase, facts, firingLimit);
        this.original = new Probe(List.of(), facts, decision);
        this.changes = FactChange.around(facts, ruleBase.manifest.vocabulary);
        for (FactChange change : changes) {
            singles.add(probe(List.of(change)));
        }
    }

    /** Every single change first; pairs only when no single change reaches the goal, at most {@code pairLimit} of them. */
    NearestChanges search(Predicate<Probe> goal, int pairLimit) {
        List<Alternative> found = new ArrayList<>();
        for (Probe single : singles) {
            if (goal.test(single)) {
                found.add(new Alternative(ruleBase, original, single));
            }
        }
        if (!found.isEmpty()) {
            return new NearestChanges(found, singles.size(), false, 0, pairLimit, false);
        }
        int tried = 0;
        boolean cutShort = false;
        search:
        for (int first = 0; first < changes.size(); first++) {
            for (int second = first + 1; second < changes.size(); second++) {
                if (!changes.get(first).combinesWith(changes.get(second))) {
                    continue;
                }
                if (tried == pairLimit) {
                    cutShort = true;
                    break search;
                }
                tried++;
                Probe pair = pair(first, second);
                if (goal.test(pair)) {
                    found.add(new Alternative(ruleBase, original, pair));
                }
            }
        }
        return new NearestChanges(found, singles.size(), true, tried, pairLimit, cutShort);
    }

    /** Nothing searched: the goal already holds for the project itself. */
    NearestChanges nothingToSearch(int pairLimit) {
        return new NearestChanges(List.of(), 0, false, 0, pairLimit, false);
    }

    private Probe pair(int first, int second) {
        return pairs.computeIfAbsent(first * changes.size() + second,
                key -> probe(List.of(changes.get(first), changes.get(second))));
    }

    private Probe probe(List<FactChange> applied) {
        SortedMap<String, Object> values = new TreeMap<>(original.facts.values);
        applied.forEach(change -> change.applyTo(values));
        ValidFacts changed = new ValidFacts(original.facts.name, Collections.unmodifiableSortedMap(values), List.of(), original.facts.catalogued);
        return new Probe(applied, changed, DecisionRun.decide(ruleBase, changed, firingLimit));
    }
}
