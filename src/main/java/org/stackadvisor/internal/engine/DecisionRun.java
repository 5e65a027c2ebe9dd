package org.stackadvisor.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.Match;
import org.kie.internal.event.rule.RuleEventManager;
import org.stackadvisor.Decision;
import org.stackadvisor.InvalidRuleBaseException;
import org.stackadvisor.Problem;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.facts.Score;
import org.stackadvisor.internal.facts.CatalogueEntry;
import org.stackadvisor.internal.facts.Term;
import org.stackadvisor.internal.facts.Verdict;
import org.stackadvisor.internal.vocabulary.ValidFacts;

/**
 * One decision: an empty session over the shared knowledge base (new, or reset from the rule
 * base's {@link SessionPool}), the input facts inserted in canonical order, the rules fired up to
 * a limit, and the final state read back into a {@link Decision} with the trace.
 */
public final class DecisionRun {
    private final RuleBase ruleBase;
    private final ValidFacts facts;
    private final TraceRecorder recorder;
    /** For each logical fact (by identity), the firings that currently justify it. */
    private final Map<Object, List<TraceRecorder.RecordedFiring>> justifiedBy = new IdentityHashMap<>();

    private DecisionRun(RuleBase ruleBase, ValidFacts facts) {
        this.ruleBase = ruleBase;
        this.facts = facts;
        this.recorder = new TraceRecorder(ruleBase.recordedShapes);
    }

    public static Decision decide(RuleBase ruleBase, ValidFacts facts, int firingLimit) {
        return new DecisionRun(ruleBase, facts).run(firingLimit);
    }

    /**
     * Fires the rules and captures, before the session is given back, all that the trace needs: the
     * recorded firings, every current justification of every logical fact and the final facts.
     * The verdict and the scores are read at once; the conclusions, proofs and rendered firings are
     * built from the capture only when a caller first reads them ({@link DecisionTrace}).
     */
    private Decision run(int firingLimit) {
        KieSession session = ruleBase.sessions.take();
        List<Object> objects;
        boolean settled = false;
        try {
            for (Object given : ruleBase.givenFacts) {
                session.insert(given);
            }
            facts.catalogued.forEach((library, ecosystem) -> session.insert(new CatalogueEntry(library, ecosystem)));
            for (Term term : facts.terms()) {
                session.insert(term);
            }
            // Listening only from here on: Drools reports each insert as it is made, and the trace
            // wants those of the rules, not those of the input facts just made above.
            ((RuleEventManager) session).addEventListener(recorder);
            session.addEventListener((RuleRuntimeEventListener) recorder);
            int fired = fire(session, firingLimit + 1);
            if (fired > firingLimit) {
                throw runaway(firingLimit);
            }
            objects = new ArrayList<>((int) session.getFactCount());
            Justifications.of(session, objects, this::nameJustifyingFirings);
            recorder.forgetMatches();
            settled = true;
        } finally {
            ruleBase.sessions.giveBack(session, settled);
        }
        return decision(objects);
    }

    /**
     * Fires the rules; an exception or error thrown by a rule's consequence (a {@code
     * StackOverflowError} or {@code OutOfMemoryError} too: the session is dropped, and with it what
     * filled the memory) becomes an {@link InvalidRuleBaseException} naming the rule.
     */
    private int fire(KieSession session, int max) {
        try {
            return session.fireAllRules(max);
        } catch (ConsequenceException e) {
            throw ruleFailed(e.getMatch() == null ? recorder.firingRule() : e.getMatch().getRule().getName(),
                    e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw ruleFailed(recorder.firingRule(), e);
        }
    }

    private InvalidRuleBaseException ruleFailed(String rule, Throwable cause) {
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("");
        return new InvalidRuleBaseException(RULE_FAILED, List.of(new Problem(ruleBase.files.origin, 0, 0, "",
                (rule == null ? "a rule" : "rule \"" + rule + "\"") + " failed: " + cause.getClass().getSimpleName() + message
                        + ", so no verdict was given")));
    }

    /** Records, for a logical fact (by identity), the firings that currently justify it, in firing order. */
    private void nameJustifyingFirings(Object fact, List<Match> matches) {
        List<TraceRecorder.RecordedFiring> firings = new ArrayList<>(matches.size());
        for (Match match : matches) {
            TraceRecorder.RecordedFiring firing = recorder.firingOf(match);
            if (firing != null && !firings.contains(firing)) {
                firing.supporting = true;
                firings.add(firing);
            }
        }
        if (firings.size() > 1) {
            firings.sort(Comparator.comparingInt(firing -> firing.seq));
        }
        justifiedBy.put(fact, firings);
    }

    /** The summary of an exception thrown by a rule's consequence. */
    private static final String RULE_FAILED = "a rule failed";

    private InvalidRuleBaseException runaway(int firingLimit) {
        Map<String, Long> counts = recorder.firings().stream()
                .collect(Collectors.groupingBy(firing -> firing.rule, TreeMap::new, Collectors.counting()));
        String top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(entry -> "\"" + entry.getKey() + "\" (" + entry.getValue() + " times)")
                .collect(Collectors.joining(", "));
        return new InvalidRuleBaseException("the rules exceeded the firing limit of " + firingLimit,
                List.of(new Problem(ruleBase.files.origin, 0, 0, "",
                "the rules fired more than " + firingLimit + " times without settling, so no verdict was given;"
                        + " the rules that fired most: " + top)));
    }

    private Decision decision(List<Object> objects) {
        Map<String, Integer> scoreByCandidate = new LinkedHashMap<>();
        ruleBase.manifest.candidates.keySet().forEach(id -> scoreByCandidate.put(id, 0));
        List<String> verdicts = new ArrayList<>(1);
        for (Object object : objects) {
            if (object instanceof Verdict) {
                verdicts.add(((Verdict) object).getCandidate());
            } else if (object instanceof Score) {
                Score score = (Score) object;
                scoreByCandidate.put(score.getCandidate(), score.getTotal());
            }
        }
        if (verdicts.size() != 1) {
            throw new InvalidRuleBaseException(List.of(new Problem(ruleBase.files.origin, 0, 0, "",
                    verdicts.isEmpty() ? "the rules derived no verdict for project '" + facts.name + "'"
                            : "the rules derived " + verdicts.size() + " verdicts for project '" + facts.name + "': "
                                    + verdicts.stream().sorted().collect(Collectors.joining(", ")))));
        }
        DecisionTrace trace = new DecisionTrace(ruleBase, recorder.firings(), justifiedBy, objects);
        return Access.root().decision(facts.name, verdicts.get(0), scoreByCandidate, trace, ruleBase.decisionKnowledgeBase, facts);
    }
}
