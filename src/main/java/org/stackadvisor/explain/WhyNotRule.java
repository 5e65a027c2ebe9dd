package org.stackadvisor.explain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.engine.RuleBase;

/**
 * Why a rule did not fire for a project, answered by trying the changes nearby: the nearest
 * changes to the facts that make it fire. For a rule that did fire, {@link #fired()} says so.
 *
 * <pre>{@code
 * WhyNotRule why = advisor.whyNotRule(project, "Complex problems still need back-end experts on an async team");
 * if (!why.fired()) {
 *     for (Alternative alternative : why.nearestChanges().alternatives()) {
 *         System.out.println(alternative.text());
 *         // add 'complex-problem' to traits and add 'async' to team.skills
 *     }
 * }
 * }</pre>
 *
 * Immutable.
 */
public final class WhyNotRule {
    private final Decision decision;
    private final RuleReference rule;
    private final boolean fired;
    private final NearestChanges nearestChanges;

    private WhyNotRule(Decision decision, RuleReference rule, boolean fired, NearestChanges nearestChanges) {
        this.decision = decision;
        this.rule = rule;
        this.fired = fired;
        this.nearestChanges = nearestChanges;
    }

    /**
     * Why a rule did not fire, with the advisor's serving rule base: what {@link
     * StackAdvisor#whyNotRule(Project, String, int)} returns.
     *
     * @param advisor the advisor whose rule base decides the project and its neighbours
     * @param project the project as it is
     * @param rule the rule's name
     * @param pairLimit the most pairs of changes to try; 0 tries single changes only
     * @return whether the rule fired, and if not the nearest changes that make it fire
     */
    public static WhyNotRule of(StackAdvisor advisor, Project project, String rule, int pairLimit) {
        RuleBase serving = Neighbourhood.serving(advisor);
        RuleReference reference = Explanations.rule(serving, Objects.requireNonNull(rule, "rule"));
        return of(Neighbourhood.of(advisor, serving, project), reference, Neighbourhood.requireNotNegative(pairLimit));
    }

    static WhyNotRule of(Neighbourhood neighbourhood, RuleReference rule, int pairLimit) {
        String name = rule.name();
        boolean fired = neighbourhood.original.fired(name);
        return new WhyNotRule(neighbourhood.decision, rule, fired,
                fired ? neighbourhood.nothingToSearch(pairLimit) : neighbourhood.search(probe -> probe.fired(name), pairLimit));
    }

    /** The project's name. */
    public String project() {
        return decision.project();
    }

    /** The decision of the project as it is. */
    public Decision decision() {
        return decision;
    }

    /** The rule asked about, with its section and claims. */
    public RuleReference rule() {
        return rule;
    }

    /** Whether the rule fired for the project as it is (its firing is one the decision rests on). */
    public boolean fired() {
        return fired;
    }

    /**
     * The nearest changes that make the rule fire; nothing searched when it {@linkplain #fired()
     * fired} already, and no alternatives when no change of one or two facts makes it fire.
     */
    public NearestChanges nearestChanges() {
        return nearestChanges;
    }

    /** The explanation as JSON: the project, the rule, whether it fired, the search and the alternatives. */
    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rule", rule.toMap());
        body.put("fired", fired);
        body.put("search", nearestChanges.searchMap());
        body.put("entries", nearestChanges.alternativesList());
        return Explanations.json(decision, body);
    }

    @Override
    public String toString() {
        return "WhyNotRule[" + rule.name() + (fired ? ": fired]" : ": " + nearestChanges.alternatives().size() + " alternatives]");
    }
}
