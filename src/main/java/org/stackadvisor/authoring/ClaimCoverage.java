package org.stackadvisor.authoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.stackadvisor.Claim;
import org.stackadvisor.InvalidFactsException;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.engine.RuleBase;
import org.stackadvisor.internal.engine.RuleInfo;
import org.stackadvisor.internal.json.Json;

/**
 * Which of the article's claims the rule base encodes and which the scenarios exercise: for each
 * claim of the catalogue, the rules that cite it and the scenarios (facts files) in which those
 * rules fired. A signal or caveat claim is covered when a rule cites it and that rule fires in a
 * scenario; context claims need no rule and are listed as context.
 *
 * <pre>{@code
 * ClaimCoverage coverage = ClaimCoverage.of(StackAdvisor.fromDirectory(Path.of("rules")), Path.of("facts"));
 * coverage.uncovered();   // [] when every signal and caveat claim is encoded and tested
 * coverage.toJson();
 * }</pre>
 */
public final class ClaimCoverage {
    /** A signal or caveat claim cited by a rule that fired in a scenario. */
    public static final String COVERED = "covered";
    /** A signal or caveat claim cited by rules none of which fired in any scenario. */
    public static final String UNTESTED = "untested";
    /** A signal or caveat claim no rule cites. */
    public static final String UNCITED = "uncited";
    /** A context claim: background that no rule needs to encode. */
    public static final String CONTEXT = "context";

    private final StackAdvisor advisor;
    private final Path factsFolder;
    private final List<String> scenarios;
    private final List<ClaimEntry> claims;

    private ClaimCoverage(StackAdvisor advisor, Path factsFolder, List<String> scenarios, List<ClaimEntry> claims) {
        this.advisor = advisor;
        this.factsFolder = factsFolder;
        this.scenarios = List.copyOf(scenarios);
        this.claims = List.copyOf(claims);
    }

    /**
     * Decides every facts file under {@code facts} (a file, or each {@code *.json} directly in a
     * folder) and maps the claims to the rules that cite them and the scenarios they fired in.
     *
     * @throws InvalidFactsException when a facts file is invalid
     */
    public static ClaimCoverage of(StackAdvisor advisor, Path facts) {
        Objects.requireNonNull(advisor, "advisor");
        RuleBase ruleBase = Access.root().ruleBase(advisor);
        Map<String, Set<String>> scenariosByRule = new LinkedHashMap<>();
        List<String> scenarioNames = new ArrayList<>();
        for (Scenario scenario : Scenario.discover(facts)) {
            scenarioNames.add(scenario.name());
            for (String rule : advisor.decide(scenario.factsFile()).firedRules()) {
                scenariosByRule.computeIfAbsent(rule, name -> new LinkedHashSet<>()).add(scenario.name());
            }
        }
        List<ClaimEntry> entries = new ArrayList<>();
        for (Claim claim : ruleBase.manifest.claims.values()) {
            List<CitingRule> rules = new ArrayList<>();
            Set<String> firedIn = new LinkedHashSet<>();
            for (RuleInfo rule : ruleBase.rules.values()) {
                if (rule.claims.contains(claim.id())) {
                    List<String> ruleScenarios = List.copyOf(scenariosByRule.getOrDefault(rule.name, Set.of()));
                    rules.add(new CitingRule(rule.name, ruleBase.files.displayName(rule.file), rule.line, ruleScenarios));
                    firedIn.addAll(ruleScenarios);
                }
            }
            String status = !claim.mustBeEncoded() ? CONTEXT : rules.isEmpty() ? UNCITED : firedIn.isEmpty() ? UNTESTED : COVERED;
            entries.add(new ClaimEntry(claim, status, rules, List.copyOf(firedIn)));
        }
        return new ClaimCoverage(advisor, facts, scenarioNames, entries);
    }

    /** Every claim of the catalogue, in its order. */
    public List<ClaimEntry> claims() {
        return claims;
    }

    /** The scenario names decided, in order. */
    public List<String> scenarios() {
        return scenarios;
    }

    /** The IDs of the signal and caveat claims that are {@link #UNCITED} or {@link #UNTESTED}. */
    public List<String> uncovered() {
        return claims.stream().filter(entry -> entry.status.equals(UNCITED) || entry.status.equals(UNTESTED))
                .map(ClaimEntry::id).collect(Collectors.toList());
    }

    /** Counts: claims, signal and caveat claims, how many are cited, covered, context; rules and how many fired. */
    public Map<String, Integer> totals() {
        Map<String, Integer> totals = new LinkedHashMap<>();
        totals.put("claims", claims.size());
        totals.put("signalOrCaveat", (int) claims.stream().filter(entry -> !entry.status.equals(CONTEXT)).count());
        totals.put("cited", (int) claims.stream().filter(entry -> !entry.status.equals(CONTEXT) && !entry.rules.isEmpty()).count());
        totals.put("covered", (int) claims.stream().filter(entry -> entry.status.equals(COVERED)).count());
        totals.put("context", (int) claims.stream().filter(entry -> entry.status.equals(CONTEXT)).count());
        totals.put("uncovered", uncovered().size());
        RuleBase ruleBase = Access.root().ruleBase(advisor);
        totals.put("rules", ruleBase.rules.size());
        totals.put("rulesFired", (int) claims.stream().flatMap(entry -> entry.rules.stream())
                .filter(rule -> !rule.scenarios.isEmpty()).map(rule -> rule.name).distinct().count());
        totals.put("scenarios", scenarios.size());
        return totals;
    }

    /** The rule base a report is about, as the authoring reports' JSON names it: name, version, sha256. */
    static Map<String, Object> knowledgeBaseOf(StackAdvisor advisor) {
        Map<String, Object> knowledgeBase = new LinkedHashMap<>();
        knowledgeBase.put("name", advisor.knowledgeBaseName());
        knowledgeBase.put("version", advisor.knowledgeBaseVersion());
        knowledgeBase.put("sha256", advisor.knowledgeBaseSha256());
        return knowledgeBase;
    }

    /** The coverage as pretty-printed JSON: the rule base, the scenarios, the totals, each claim, the uncovered claims. */
    public String toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("knowledgeBase", knowledgeBaseOf(advisor));
        map.put("facts", factsFolder.toString());
        map.put("scenarios", scenarios);
        map.put("totals", totals());
        map.put("claims", claims.stream().map(ClaimEntry::toMap).collect(Collectors.toList()));
        map.put("uncovered", uncovered());
        return Json.write(map, true);
    }

    /** One claim: its status, the rules that cite it and the scenarios in which they fired. */
    public static final class ClaimEntry {
        private final Claim claim;
        private final String status;
        private final List<CitingRule> rules;
        private final List<String> scenarios;

        ClaimEntry(Claim claim, String status, List<CitingRule> rules, List<String> scenarios) {
            this.claim = claim;
            this.status = status;
            this.rules = List.copyOf(rules);
            this.scenarios = scenarios;
        }

        /** The claim ID, such as {@code UC-3}. */
        public String id() {
            return claim.id();
        }

        /** The claim as the catalogue has it. */
        public Claim claim() {
            return claim;
        }

        /** {@link #COVERED}, {@link #UNTESTED}, {@link #UNCITED} or {@link #CONTEXT}. */
        public String status() {
            return status;
        }

        /** The rules that cite it, by name. */
        public List<CitingRule> rules() {
            return rules;
        }

        /** The scenarios in which a rule citing it fired. */
        public List<String> scenarios() {
            return scenarios;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", claim.id());
            map.put("kinds", claim.kinds());
            map.put("section", claim.section());
            map.put("status", status);
            if (claim.weight() != null) {
                map.put("weight", claim.weight());
                map.put("rationale", claim.rationale());
            }
            if (claim.restates() != null) {
                map.put("restates", claim.restates());
            }
            map.put("rules", rules.stream().map(CitingRule::toMap).collect(Collectors.toList()));
            map.put("scenarios", scenarios);
            return map;
        }
    }

    /** A rule citing a claim, where it is declared, and the scenarios it fired in. */
    public static final class CitingRule {
        private final String name;
        private final String file;
        private final int line;
        private final List<String> scenarios;

        CitingRule(String name, String file, int line, List<String> scenarios) {
            this.name = name;
            this.file = file;
            this.line = line;
            this.scenarios = scenarios;
        }

        /** The rule's name. */
        public String name() {
            return name;
        }

        /** The file that declares it (a DRL file or a decision table). */
        public String file() {
            return file;
        }

        /** Its line in the DRL file or row in the table, or 0. */
        public int line() {
            return line;
        }

        /** The scenarios in which it fired. */
        public List<String> scenarios() {
            return scenarios;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("rule", name);
            map.put("file", file);
            map.put("line", line);
            map.put("scenarios", scenarios);
            return map;
        }
    }
}
