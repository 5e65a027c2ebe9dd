package org.stackadvisor.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;

/**
 * What would change a project's verdict: the smallest changes to its facts that give another
 * verdict, each with the verdict and scores it gives and the rules that start or stop firing.
 * Every single change is tried (add or remove a list term, set, change or clear a value, flip
 * a boolean); pairs of changes only when no single change alters the verdict, and at most a
 * limited number of pairs.
 *
 * <pre>{@code
 * WhatIf whatIf = StackAdvisor.bundled().whatIf(Project.read(Path.of("facts/live-chat.json")));
 * for (Alternative alternative : whatIf.entries()) {
 *     System.out.println(alternative.text() + " -> " + alternative.verdict());
 *     // remove 'real-time' from traits -> ...
 * }
 * whatIf.toJson();   // every entry with its complete changed facts, to decide again and check
 * }</pre>
 *
 * Immutable.
 */
public final class WhatIf {
    private final Decision decision;
    private final NearestChanges search;

    WhatIf(Decision decision, NearestChanges search) {
        this.decision = decision;
        this.search = search;
    }

    /**
     * What would change the project's verdict with the advisor's serving rule base: what {@link
     * StackAdvisor#whatIf(Project, int)} returns.
     *
     * @param advisor the advisor whose rule base decides the project and its neighbours
     * @param project the project as it is
     * @param pairLimit the most pairs of changes to try; 0 tries single changes only
     * @return the nearest changes that give another verdict
     */
    public static WhatIf of(StackAdvisor advisor, Project project, int pairLimit) {
        Neighbourhood neighbourhood = Neighbourhood.of(advisor, Neighbourhood.serving(advisor), project);
        return of(neighbourhood, Neighbourhood.requireNotNegative(pairLimit));
    }

    static WhatIf of(Neighbourhood neighbourhood, int pairLimit) {
        String verdict = neighbourhood.original.verdict;
        return new WhatIf(neighbourhood.decision, neighbourhood.search(probe -> !probe.verdict.equals(verdict), pairLimit));
    }

    /** The project's name. */
    public String project() {
        return decision.project();
    }

    /** The decision of the project as it is. */
    public Decision decision() {
        return decision;
    }

    /** The project's verdict as it is. */
    public String verdict() {
        return decision.verdict();
    }

    /** The project's scores as they are. */
    public Map<String, Integer> scores() {
        return decision.scores();
    }

    /**
     * The smallest changes that alter the verdict, in the vocabulary's field and term order; empty
     * when no change of one or two facts does (see {@link #search()} for how far the search went).
     */
    public List<Alternative> entries() {
        return search.alternatives();
    }

    /** The search behind the entries: how many single changes and pairs were tried, and whether it was cut short. */
    public NearestChanges search() {
        return search;
    }

    /**
     * The explanation as JSON: the project, its verdict and scores, the search's extent and one
     * entry per alternative with its {@code changes}, {@code verdict}, {@code scores}, {@code
     * rulesStarted}, {@code rulesStopped} and complete changed {@code facts}.
     */
    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("search", search.searchMap());
        body.put("entries", search.alternativesList());
        return Explanations.json(decision, body);
    }

    @Override
    public String toString() {
        return "WhatIf[" + project() + ": " + verdict() + ", " + entries().size() + " entries]";
    }
}
