package org.stackadvisor.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.engine.RuleBase;

/**
 * Why a candidate did not win: how far its score is behind, and the rules that would have
 * supported it, each with what it lacked, the nearest changes to the facts that make it give
 * the candidate its evidence.
 *
 * <pre>{@code
 * WhyNotCandidate why = advisor.whyNotCandidate(Project.read(Path.of("facts/live-chat.json")), "python");
 * why.gap();            // 18: python's score is 18 points behind nodejs's
 * why.pointsNeeded();   // 20: it needs 20 more to lead by the margin
 * for (WhyNotCandidate.Supporter supporter : why.supporters()) {
 *     if (!supporter.counted()) {
 *         System.out.println(supporter.rule().name() + " lacks: "
 *                 + supporter.nearestChanges().alternatives().get(0).text());
 *     }
 * }
 * }</pre>
 *
 * Immutable.
 */
public final class WhyNotCandidate {
    private final Decision decision;
    private final String candidate;
    private final int margin;
    private final int gap;
    private final List<Supporter> supporters;

    private WhyNotCandidate(Decision decision, String candidate, int margin, int gap, List<Supporter> supporters) {
        this.decision = decision;
        this.candidate = candidate;
        this.margin = margin;
        this.gap = gap;
        this.supporters = List.copyOf(supporters);
    }

    /**
     * Why a candidate did not win, with the advisor's serving rule base: what {@link
     * StackAdvisor#whyNotCandidate(Project, String, int)} returns.
     *
     * @param advisor the advisor whose rule base decides the project and its neighbours
     * @param project the project as it is
     * @param candidate the candidate's ID
     * @param pairLimit the most pairs of changes to try per rule; 0 tries single changes only
     * @return the candidate's gap to the winner and the rules that would have supported it
     */
    public static WhyNotCandidate of(StackAdvisor advisor, Project project, String candidate, int pairLimit) {
        RuleBase serving = Neighbourhood.serving(advisor);
        String id = Explanations.candidate(serving, Objects.requireNonNull(candidate, "candidate"));
        return of(Neighbourhood.of(advisor, serving, project), id, Neighbourhood.requireNotNegative(pairLimit));
    }

    static WhyNotCandidate of(Neighbourhood neighbourhood, String candidate, int pairLimit) {
        int margin = neighbourhood.ruleBase.manifest.margin;
        Map<String, Integer> scores = neighbourhood.original.scores;
        int own = scores.getOrDefault(candidate, 0);
        int gap = scores.entrySet().stream().filter(entry -> !entry.getKey().equals(candidate))
                .mapToInt(Map.Entry::getValue).max().orElse(own - margin) - own;
        int pointsNeeded = gap + margin;
        if (candidate.equals(neighbourhood.original.verdict)) {
            return new WhyNotCandidate(neighbourhood.decision, candidate, margin, gap, List.of());
        }
        Map<String, Set<String>> targets = Explanations.evidenceTargets(neighbourhood.ruleBase);
        List<Supporter> lacking = new ArrayList<>();
        List<Supporter> counted = new ArrayList<>();
        for (String rule : neighbourhood.ruleBase.rules.keySet()) {
            Set<String> named = targets.getOrDefault(rule, Set.of());
            RuleReference reference = RuleReference.of(neighbourhood.ruleBase, rule);
            if (neighbourhood.original.supports(candidate, rule)) {
                counted.add(new Supporter(reference, neighbourhood.original.weight(candidate, rule), true,
                        neighbourhood.nothingToSearch(pairLimit), pointsNeeded));
            } else if (named.contains(candidate) || named.contains(Explanations.ANY_CANDIDATE)) {
                NearestChanges nearest = neighbourhood.search(probe -> probe.supports(candidate, rule), pairLimit);
                // A rule whose candidate is bound at run time counts only where a nearby project shows it backing this one.
                if (named.contains(candidate) || !nearest.alternatives().isEmpty()) {
                    Integer weight = nearest.alternatives().isEmpty() ? null
                            : nearest.alternatives().get(0).probe.weight(candidate, rule);
                    lacking.add(new Supporter(reference, weight, false, nearest, pointsNeeded));
                }
            }
        }
        lacking.addAll(counted);
        return new WhyNotCandidate(neighbourhood.decision, candidate, margin, gap, lacking);
    }

    /** The project's name. */
    public String project() {
        return decision.project();
    }

    /** The decision of the project as it is. */
    public Decision decision() {
        return decision;
    }

    /** The candidate asked about. */
    public String candidate() {
        return candidate;
    }

    /** The project's verdict. */
    public String verdict() {
        return decision.verdict();
    }

    /** Whether the candidate is the verdict; then there is nothing to explain and no supporters are listed. */
    public boolean won() {
        return candidate.equals(decision.verdict());
    }

    /**
     * How many points the candidate's score is behind the best other candidate's: the score gap
     * to the winner (or, when the verdict is {@code either}, to the leader); zero or less when it leads.
     */
    public int gap() {
        return gap;
    }

    /** How many more points the candidate needs to lead every other by the rule base's margin: {@code gap() + margin}. */
    public int pointsNeeded() {
        return gap() + margin;
    }

    /** The rule base's decision margin. */
    public int margin() {
        return margin;
    }

    /**
     * The rules that give the candidate evidence: first those that did not for this project
     * (each with what it lacked), then those already counted in its score; within each group
     * in rule name order. Empty when the candidate {@linkplain #won() won}.
     */
    public List<Supporter> supporters() {
        return supporters;
    }

    /** The explanation as JSON: the candidate, its gap and points needed, and each supporter with what it lacked. */
    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("candidate", candidate);
        body.put("won", won());
        body.put("margin", margin);
        body.put("gap", gap());
        body.put("pointsNeeded", pointsNeeded());
        body.put("supporters", supporters.stream().map(Supporter::toMap).collect(Collectors.toList()));
        return Explanations.json(decision, body);
    }

    @Override
    public String toString() {
        return "WhyNotCandidate[" + candidate + (won() ? " won]" : " behind by " + gap() + "]");
    }

    /** A rule that gives the candidate evidence, and what it lacked for this project. */
    public static final class Supporter {
        private final RuleReference rule;
        private final Integer weight;
        private final boolean counted;
        private final NearestChanges nearestChanges;
        private final int pointsNeeded;

        Supporter(RuleReference rule, Integer weight, boolean counted, NearestChanges nearestChanges, int pointsNeeded) {
            this.rule = rule;
            this.weight = weight;
            this.counted = counted;
            this.nearestChanges = nearestChanges;
            this.pointsNeeded = pointsNeeded;
        }

        /** The rule, with its section and claims. */
        public RuleReference rule() {
            return rule;
        }

        /**
         * The points one piece of its evidence gives the candidate, as seen for this project or the
         * nearest changed one; null when no project searched shows it.
         */
        public Integer weight() {
            return weight;
        }

        /** Whether its evidence is already counted in the candidate's score for this project. */
        public boolean counted() {
            return counted;
        }

        /**
         * What it lacked: the nearest changes after which it gives the candidate evidence; nothing
         * searched when it is {@linkplain #counted() counted} already.
         */
        public NearestChanges nearestChanges() {
            return nearestChanges;
        }

        /** Whether its weight alone would close the gap: at least the {@linkplain WhyNotCandidate#pointsNeeded() points the candidate needs}. */
        public boolean closesGap() {
            return weight != null && weight >= pointsNeeded;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = rule.toMap();
            map.put("weight", weight);
            map.put("counted", counted);
            if (!counted) {
                map.put("closesGapAlone", closesGap());
                map.put("search", nearestChanges.searchMap());
                map.put("entries", nearestChanges.alternativesList());
            }
            return map;
        }
    }
}
