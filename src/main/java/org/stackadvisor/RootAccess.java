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
    public Claim claim(String id, String section, List<String> kinds, String leans, String paraphrase) {
        return new Claim(id, section, kinds, leans, paraphrase);
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
    public Decision decideUnrecorded(StackAdvisor advisor, Project project) {
        return advisor.decideUnrecorded(project);
    }

    @Override
    public List<Problem> settlingProblems(RuleBase candidate) {
        return StackAdvisor.settlingProblems(candidate);
    }
}
