package org.stackadvisor;

import java.util.List;
import java.util.Map;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.engine.DecisionTrace;
import org.stackadvisor.internal.engine.RuleBase;
import org.stackadvisor.internal.vocabulary.ValidFacts;

/** What this package lends the internal packages through {@link Access}; installed by {@link StackAdvisor}. */
final class RootAccess implements Access.Root {
    @Override
    public Decision decision(String project, String verdict, Map<String, Integer> scores, DecisionTrace trace,
            Map<String, Object> knowledgeBase, ValidFacts input) {
        return new Decision(project, verdict, scores, trace, knowledgeBase, input);
    }

    @Override
    public Conclusion conclusion(String kind, String text, List<String> claims, List<String> rules, String candidate,
            Integer points, List<Integer> firings, Proof proof) {
        return new Conclusion(kind, text, claims, rules, candidate, points, firings, proof);
    }

    @Override
    public Firing firing(int seq, String rule, String section, List<String> claims, Map<String, Object> matched,
            List<Map<String, Object>> facts, List<Map<String, Object>> inserted, boolean superseded) {
        return new Firing(seq, rule, section, claims, matched, facts, inserted, superseded);
    }

    @Override
    public Proof proof(Map<String, Object> fact, boolean input, boolean cycle, List<Proof.Derivation> derivations) {
        return new Proof(fact, input, cycle, derivations);
    }

    @Override
    public Proof.Derivation derivation(int firing, String rule, List<String> claims, List<Proof> premises) {
        return new Proof.Derivation(firing, rule, claims, premises);
    }

    @Override
    public Claim claim(String id, String section, List<String> kinds, String leans, String paraphrase, Integer weight,
            String rationale, boolean takeaway, String restates) {
        return new Claim(id, section, kinds, leans, paraphrase, weight, rationale, takeaway, restates);
    }

    @Override
    public Decision.Unweighed unweighed(String field, String term, String reason, boolean known) {
        return new Decision.Unweighed(field, term, reason, known);
    }

    @Override
    public Decision.Reading reading(String field, String given, String understood) {
        return new Decision.Reading(field, given, understood);
    }

    @Override
    public Decision.Robustness robustness(int weightings, List<Decision.Robustness.Change> changes, String notComputed) {
        return new Decision.Robustness(weightings, changes, notComputed);
    }

    @Override
    public Decision.Robustness.Change robustnessChange(String weighting, String verdict) {
        return new Decision.Robustness.Change(weighting, verdict);
    }

    @Override
    public Map<String, Object> toMap(Decision decision) {
        return decision.toMap();
    }

    @Override
    public Map<String, Object> document(Project project) {
        return project.document();
    }

    @Override
    public int[] position(Project project, String path) {
        return project.position(path);
    }

    @Override
    public RuleBase ruleBase(StackAdvisor advisor) {
        return advisor.ruleBase();
    }

    @Override
    public int firingLimit(StackAdvisor advisor, RuleBase serving) {
        return advisor.firingLimitFor(serving);
    }

    @Override
    public StackAdvisor serving(RuleBase ruleBase) {
        return StackAdvisor.serving(ruleBase);
    }

    @Override
    public DecisionTrace trace(Decision decision) {
        return decision.trace();
    }

    @Override
    public Decision decideUnrecorded(StackAdvisor advisor, Project project) {
        return advisor.decideUnrecorded(project);
    }

    @Override
    public List<Problem> settlingProblems(RuleBase candidate) {
        return StackAdvisor.settlingProblems(candidate);
    }
}
