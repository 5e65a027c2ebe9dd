package org.stackadvisor.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.InvalidRuleBaseException;
import org.stackadvisor.Problem;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.engine.RuleBase;
import org.stackadvisor.internal.engine.RuleInfo;
import org.stackadvisor.internal.engine.RuleLint;
import org.stackadvisor.internal.json.Json;
import org.stackadvisor.internal.vocabulary.FieldSpec;

/**
 * Probes the fact space of a rule base to show how it behaves beyond the scenarios: every single
 * term of the vocabulary (each list term, each value, each known word, true and false), then every
 * pair of them, each decided as a project of its own. It reports:
 * <ul>
 *   <li>dead rules: rules that fire under no probe (they need three or more facts at once, or
 *       they can never fire);</li>
 *   <li>tensions: pairs of rules pushing different candidates under the same probe, with the
 *       claims behind each side, so that architects see where the article pulls both ways;</li>
 *   <li>ties: probes with some evidence that end in no clear winner.</li>
 * </ul>
 *
 * <pre>{@code
 * OutcomeAnalysis analysis = OutcomeAnalysis.of(StackAdvisor.bundled());
 * analysis.deadRules();    // []
 * analysis.tensions();     // "Real-time work favours Node.js" vs "High load ... favours Python", ...
 * }</pre>
 */
public final class OutcomeAnalysis {
    private final StackAdvisor advisor;
    private final int singleProbes;
    private final int pairProbes;
    private final List<String> deadRules;
    private final List<DeadRule> deadRuleDetails;
    private final List<Tension> tensions;
    private final List<Tie> ties;
    private final List<Loop> loops;

    private OutcomeAnalysis(StackAdvisor advisor, int singleProbes, int pairProbes, List<DeadRule> deadRules,
            List<Tension> tensions, List<Tie> ties, List<Loop> loops) {
        this.advisor = advisor;
        this.singleProbes = singleProbes;
        this.pairProbes = pairProbes;
        this.deadRuleDetails = List.copyOf(deadRules);
        this.deadRules = deadRules.stream().map(DeadRule::rule).collect(Collectors.toList());
        this.tensions = List.copyOf(tensions);
        this.ties = List.copyOf(ties);
        this.loops = List.copyOf(loops);
    }

    /** Decides every single-term and every two-term probe of the advisor's vocabulary. */
    public static OutcomeAnalysis of(StackAdvisor advisor) {
        Objects.requireNonNull(advisor, "advisor");
        RuleBase ruleBase = Access.root().ruleBase(advisor);
        List<ProbeTerm> singles = singles(ruleBase);
        List<List<ProbeTerm>> probes = probes(singles, true);
        int pairs = probes.size() - singles.size();
        Set<String> fired = new LinkedHashSet<>();
        List<Loop> loops = new ArrayList<>();
        Map<String, Tension> tensions = new LinkedHashMap<>();
        List<Tie> ties = new ArrayList<>();
        List<String> candidates = List.copyOf(ruleBase.manifest.candidates.keySet());
        for (List<ProbeTerm> probe : probes) {
            String description = probe.stream().map(ProbeTerm::toString).collect(Collectors.joining(" + "));
            Project.Builder project = Project.builder("probe " + description);
            probe.forEach(term -> term.addTo(project));
            Decision decision;
            try {
                decision = advisor.decide(project.build());
            } catch (InvalidRuleBaseException e) {
                loops.add(new Loop(description, e.problems().stream().map(Problem::message).collect(Collectors.joining("; "))));
                continue;
            }
            fired.addAll(decision.firedRules());
            List<Conclusion> evidence = decision.conclusions(Conclusion.RECOMMENDATION);
            for (Conclusion first : evidence) {
                for (Conclusion second : evidence) {
                    if (first.candidate() == null || second.candidate() == null
                            || candidates.indexOf(first.candidate()) >= candidates.indexOf(second.candidate())) {
                        continue;
                    }
                    String key = first.candidate() + first.claims() + "\n" + second.candidate() + second.claims();
                    Tension tension = tensions.computeIfAbsent(key, k -> new Tension(
                            new Tension.Side(first.candidate(), first.claims()), new Tension.Side(second.candidate(), second.claims()), description));
                    tension.one.rules.add(first.rule());
                    tension.other.rules.add(second.rule());
                    tension.probes.add(description);
                }
            }
            boolean anyEvidence = decision.scores().values().stream().anyMatch(score -> score != 0);
            if (anyEvidence && decision.verdict().equals(Decision.EITHER)) {
                ties.add(new Tie(description, decision.scores()));
            }
        }
        List<String> dead = new ArrayList<>(new TreeSet<>(ruleBase.rules.keySet()));
        dead.removeAll(fired);
        Map<String, String[]> reasons = RuleLint.unreached(ruleBase, dead);
        List<DeadRule> deadRules = dead.stream().map(rule -> {
            String[] reason = reasons.getOrDefault(rule, new String[] {"", "unreached", "no probe of one or two terms meets its conditions"});
            return new DeadRule(rule, reason[0], reason[1], reason[2]);
        }).collect(Collectors.toList());
        List<Tension> byReach = new ArrayList<>(tensions.values());
        byReach.sort(java.util.Comparator.comparingInt(Tension::probes).reversed());
        return new OutcomeAnalysis(advisor, singles.size(), pairs, deadRules, byReach, ties, loops);
    }

    /** Every single term of the vocabulary: each list term, each value, each known word, true and false. */
    private static List<ProbeTerm> singles(RuleBase ruleBase) {
        List<ProbeTerm> singles = new ArrayList<>();
        for (FieldSpec spec : ruleBase.manifest.vocabulary.values()) {
            if (spec.type == FieldSpec.Type.BOOLEAN) {
                singles.add(new ProbeTerm(spec, "true"));
                singles.add(new ProbeTerm(spec, "false"));
            } else {
                spec.terms.forEach(term -> singles.add(new ProbeTerm(spec, term)));
            }
        }
        return singles;
    }

    /**
     * Each single term alone, then the pairs: every pair a project can hold when {@code sameField}
     * (two terms of one list field too), else only pairs of terms of different fields.
     */
    private static List<List<ProbeTerm>> probes(List<ProbeTerm> singles, boolean sameField) {
        List<List<ProbeTerm>> probes = new ArrayList<>();
        singles.forEach(single -> probes.add(List.of(single)));
        for (int i = 0; i < singles.size(); i++) {
            for (int j = i + 1; j < singles.size(); j++) {
                ProbeTerm a = singles.get(i);
                ProbeTerm b = singles.get(j);
                if (a.spec == b.spec && (!sameField || a.spec.type != FieldSpec.Type.LIST)) {
                    continue;
                }
                probes.add(List.of(a, b));
            }
        }
        return probes;
    }

    /**
     * The first probe (each term alone, then each pair of terms of different fields, then each
     * facts file of {@code scenarios} when given) under which the rules do not settle within the
     * advisor's firing limit, as a problem naming the rule that fired most, at its file and line, and
     * the probe; empty when every probe settles. What {@code verify} runs so that a rule deriving
     * ever-new facts is caught before anyone serves it.
     */
    static List<Problem> firstLoop(StackAdvisor advisor, List<Scenario> scenarios) {
        RuleBase ruleBase = Access.root().ruleBase(advisor);
        for (List<ProbeTerm> probe : probes(singles(ruleBase), false)) {
            String description = probe.stream().map(ProbeTerm::toString).collect(Collectors.joining(" + "));
            Project.Builder project = Project.builder("probe " + description);
            probe.forEach(term -> term.addTo(project));
            try {
                advisor.decide(project.build());
            } catch (InvalidRuleBaseException e) {
                return List.of(loop(ruleBase, "the probe " + description, e));
            }
        }
        for (Scenario scenario : scenarios) {
            try {
                advisor.decide(scenario.factsFile());
            } catch (InvalidRuleBaseException e) {
                return List.of(loop(ruleBase, "the scenario " + scenario.factsFile(), e));
            } catch (org.stackadvisor.InvalidFactsException e) {
                continue; // invalid facts are for test to report
            }
        }
        return List.of();
    }

    private static Problem loop(RuleBase ruleBase, String probe, InvalidRuleBaseException e) {
        String message = e.problems().stream().map(Problem::message).collect(Collectors.joining("; "));
        java.util.regex.Matcher busiest = java.util.regex.Pattern.compile("fired most: \"([^\"]+)\"").matcher(message);
        RuleInfo rule = busiest.find() ? ruleBase.rules.get(busiest.group(1)) : null;
        String source = rule == null ? ruleBase.files.origin : ruleBase.files.displayName(rule.file);
        return new Problem(source, rule == null ? 0 : rule.line, rule == null ? 0 : 1, "",
                (rule == null ? "" : "rule \"" + rule.name + "\" loops: ") + "deciding " + probe + ", " + message);
    }

    /** How many probes were decided: single terms plus pairs. */
    public int probes() {
        return singleProbes + pairProbes;
    }

    /** The rules that fired under no probe, by name. */
    public List<String> deadRules() {
        return deadRules;
    }

    /** The rules that fired under no probe, each with its place and why. */
    public List<DeadRule> deadRuleDetails() {
        return deadRuleDetails;
    }

    /** The probes under which the rules did not settle (a rule deriving ever-new facts), each with what the engine said. */
    public List<Loop> loops() {
        return loops;
    }

    /** Each tension, those seen under the most probes first. */
    public List<Tension> tensions() {
        return tensions;
    }

    /** The probes with some evidence that ended in no clear winner. */
    public List<Tie> ties() {
        return ties;
    }

    /** The analysis as pretty-printed JSON. */
    public String toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("knowledgeBase", ClaimCoverage.knowledgeBaseOf(advisor));
        Map<String, Object> probes = new LinkedHashMap<>();
        probes.put("single", singleProbes);
        probes.put("pairs", pairProbes);
        map.put("probes", probes);
        map.put("deadRules", deadRuleDetails.stream().map(DeadRule::toMap).collect(Collectors.toList()));
        map.put("loops", loops.stream().map(Loop::toMap).collect(Collectors.toList()));
        map.put("tensions", tensions.stream().map(Tension::toMap).collect(Collectors.toList()));
        map.put("ties", ties.stream().map(Tie::toMap).collect(Collectors.toList()));
        return Json.write(map, true);
    }

    /** One term of a probe: a field and one of its values. */
    private static final class ProbeTerm {
        final FieldSpec spec;
        final String value;

        ProbeTerm(FieldSpec spec, String value) {
            this.spec = spec;
            this.value = value;
        }

        void addTo(Project.Builder project) {
            switch (spec.type) {
                case LIST:
                    project.add(spec.path, value);
                    break;
                case BOOLEAN:
                    project.set(spec.path, Boolean.valueOf(value));
                    break;
                default:
                    project.set(spec.path, value);
            }
        }

        @Override
        public String toString() {
            return spec.path + "=" + value;
        }
    }

    /**
     * Rules pushing different candidates under the same probe, grouped by the claims each side
     * cites: the article pulling both ways.
     */
    public static final class Tension {
        private final Side one;
        private final Side other;
        private final String example;
        private final Set<String> probes = new LinkedHashSet<>();

        Tension(Side one, Side other, String example) {
            this.one = one;
            this.other = other;
            this.example = example;
        }

        /** The side for the candidate listed first in the manifest. */
        public Side one() {
            return one;
        }

        /** The side for the other candidate. */
        public Side other() {
            return other;
        }

        /** The first probe under which both pushed, such as {@code traits=real-time + traits=high-load}. */
        public String example() {
            return example;
        }

        /** Under how many probes both sides pushed. */
        public int probes() {
            return probes.size();
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("one", one.toMap());
            map.put("other", other.toMap());
            map.put("example", example);
            map.put("probes", probes.size());
            return map;
        }

        /** One side: the candidate its evidence pushes, the claims it rests on, the rules that pushed. */
        public static final class Side {
            private final String candidate;
            private final Set<String> rules = new LinkedHashSet<>();
            private final List<String> claims;

            Side(String candidate, List<String> claims) {
                this.candidate = candidate;
                this.claims = List.copyOf(claims);
            }

            /** The candidate its evidence counts for. */
            public String candidate() {
                return candidate;
            }

            /** The rules that inserted the evidence, in first-seen order. */
            public List<String> rules() {
                return List.copyOf(rules);
            }

            /** The claims the rule cites. */
            public List<String> claims() {
                return claims;
            }

            Map<String, Object> toMap() {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("candidate", candidate);
                map.put("claims", claims);
                map.put("rules", List.copyOf(rules));
                return map;
            }
        }
    }

    /** A rule that fired under no probe: where it is and why. */
    public static final class DeadRule {
        private final String rule;
        private final String place;
        private final String kind;
        private final String reason;

        DeadRule(String rule, String place, String kind, String reason) {
            this.rule = rule;
            this.place = place;
            this.kind = kind;
            this.reason = reason;
        }

        /** The rule's name. */
        public String rule() {
            return rule;
        }

        /** Where it is declared, {@code file:line} (a table's row), or empty. */
        public String place() {
            return place;
        }

        /**
         * {@code contradictory} (its conditions can never hold together), {@code needs-facts} (it
         * needs three or more facts at once, which only a scenario gives), {@code catalogue} (it
         * matches a library of the catalogue) or {@code unreached}.
         */
        public String kind() {
            return kind;
        }

        /** Why, in words. */
        public String reason() {
            return reason;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("rule", rule);
            map.put("at", place);
            map.put("kind", kind);
            map.put("reason", reason);
            return map;
        }
    }

    /** A probe under which the rules did not settle within the firing limit. */
    public static final class Loop {
        private final String probe;
        private final String message;

        Loop(String probe, String message) {
            this.probe = probe;
            this.message = message;
        }

        /** The probe, such as {@code traits=chat}. */
        public String probe() {
            return probe;
        }

        /** What the engine said, naming the rules that fired most. */
        public String message() {
            return message;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("probe", probe);
            map.put("message", message);
            return map;
        }
    }

    /** A probe with some evidence that ended in no clear winner. */
    public static final class Tie {
        private final String probe;
        private final Map<String, Integer> ordered;

        Tie(String probe, Map<String, Integer> scores) {
            this.probe = probe;
            this.ordered = new LinkedHashMap<>(scores);
        }

        /** The probe, such as {@code libraries=django + libraries=express}. */
        public String probe() {
            return probe;
        }

        /** Each candidate's score, in the manifest's order. */
        public Map<String, Integer> scores() {
            return java.util.Collections.unmodifiableMap(ordered);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("probe", probe);
            map.put("scores", ordered);
            return map;
        }
    }
}
