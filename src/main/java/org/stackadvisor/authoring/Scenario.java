package org.stackadvisor.authoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.Firing;
import org.stackadvisor.InvalidFactsException;
import org.stackadvisor.Problem;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.engine.RuleInfo;
import org.stackadvisor.internal.json.JsonDocumentReader;
import org.stackadvisor.internal.vocabulary.Suggestions;

/**
 * A scenario test that needs no Java: a facts file ({@code facts/live-chat.json}) and its
 * expectations beside it in {@code expected/} ({@code facts/expected/live-chat.json}):
 * <pre>{@code
 * { "verdict": "nodejs",
 *   "scores": {"nodejs": 10, "python": 0}, // each candidate named has exactly this score
 *   "claims": ["UC-3"],            // cited by rules the decision rests on
 *   "absentClaims": ["PF-T2"],     // cited by none of them
 *   "rules": ["..."], "absentRules": ["..."],
 *   "caveats": ["LC-T1"],          // exactly the claims the caveats cite
 *   "tensions": [["PF-T1", "UC-2"]], // each group cited by one tension; [] for none at all
 *   "notWeighed": ["team.skills python"], // input terms no rule used
 *   "article": ["UC-3: ..."] }     // the article's sentences behind the expectation, for readers
 * }</pre>
 * Every key is optional.
 *
 * <pre>{@code
 * for (Scenario scenario : Scenario.discover(Path.of("facts"))) {
 *     ScenarioResult result = scenario.run(advisor);
 *     System.out.println(result.passed() ? "ok " + scenario.name() : result.report());
 * }
 * }</pre>
 */
public final class Scenario {
    /** The folder, beside the facts files, that holds their expectations. */
    public static final String EXPECTATIONS_FOLDER = "expected";

    private static final Set<String> KEYS = Set.of("verdict", "scores", "claims", "absentClaims", "rules", "absentRules", "caveats",
            "tensions", "notWeighed", "article");

    private final Path factsFile;
    private final Path expectationsFile;

    private Scenario(Path factsFile, Path expectationsFile) {
        this.factsFile = factsFile;
        this.expectationsFile = expectationsFile;
    }

    /**
     * The scenarios under {@code path}: a facts file, or every {@code *.json} directly in a folder,
     * in name order. Each must have its expectations file.
     */
    public static List<Scenario> discover(Path path) {
        List<Path> factsFiles = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                files.filter(file -> file.getFileName().toString().endsWith(".json") && Files.isRegularFile(file))
                        .sorted().forEach(factsFiles::add);
            } catch (IOException e) {
                throw new InvalidFactsException(List.of(new Problem(path.toString(), 0, 0, "", "cannot be listed: " + e.getMessage())));
            }
        } else {
            factsFiles.add(path);
        }
        return factsFiles.stream().map(Scenario::of).collect(Collectors.toList());
    }

    /** The scenario of one facts file; its expectations are in {@code expected/} beside it. */
    public static Scenario of(Path factsFile) {
        Path parent = factsFile.toAbsolutePath().getParent();
        return new Scenario(factsFile, parent.resolve(EXPECTATIONS_FOLDER).resolve(factsFile.getFileName().toString()));
    }

    /** The facts file's name without {@code .json}. */
    public String name() {
        String file = factsFile.getFileName().toString();
        return file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
    }

    /** The facts file. */
    public Path factsFile() {
        return factsFile;
    }

    /** The expectations file. */
    public Path expectationsFile() {
        return expectationsFile;
    }

    /**
     * Decides the facts and checks the expectations.
     *
     * @throws InvalidFactsException when the facts or the expectations file are invalid
     */
    @SuppressWarnings("unchecked")
    public ScenarioResult run(StackAdvisor advisor) {
        JsonDocumentReader.Parsed parsed = expectations();
        Map<String, Object> expected = (Map<String, Object>) parsed.root;
        Map<String, RuleInfo> ruleInfos = Access.root().ruleBase(advisor).rules;
        checkNames(parsed, advisor);
        Decision decision = advisor.decide(factsFile);
        List<String> failures = new ArrayList<>();
        List<String> explanations = new ArrayList<>();
        Object verdict = expected.get("verdict");
        if (verdict != null && !verdict.equals(decision.verdict())) {
            failures.add("verdict: expected " + verdict + " but was " + decision.verdict() + " (scores " + scoreText(decision) + ")");
            explanations.add("- verdict " + verdict + "\n+ verdict " + decision.verdict() + "\n" + scoresAndEvidence(decision, advisor));
        }
        if (expected.get("scores") instanceof Map) {
            Map<String, Object> scores = (Map<String, Object>) expected.get("scores");
            scores.forEach((candidate, score) -> {
                Integer actual = decision.scores().get(candidate);
                if (!java.util.Objects.equals(actual, ((Number) score).intValue())) {
                    failures.add("score of " + candidate + ": expected " + score + " but was " + actual);
                    explanations.add("- score " + candidate + " " + score + "\n+ score " + candidate + " " + actual + "\n"
                            + scoresAndEvidence(decision, advisor));
                }
            });
        }
        List<String> claims = decision.firedClaims();
        List<String> rules = decision.firedRules();
        for (String claim : list(expected, "claims")) {
            if (!claims.contains(claim)) {
                failures.add("claim " + claim + ": expected a rule citing it to fire, but none did");
                explanations.add("- a rule citing " + claim + " fires\n+ none fires\n" + rulesCitingInBase(ruleInfos, claim, advisor));
            }
        }
        for (String claim : list(expected, "absentClaims")) {
            if (claims.contains(claim)) {
                failures.add("claim " + claim + ": expected no rule citing it to fire, but "
                        + rulesCiting(decision, claim) + " did");
                explanations.add("- no rule citing " + claim + " fires\n+ " + String.join(", ", rulesCiting(decision, claim))
                        + " fired\n" + firingsOf(decision, firing -> firing.claims().contains(claim)));
            }
        }
        for (String rule : list(expected, "rules")) {
            if (!rules.contains(rule)) {
                failures.add("rule \"" + rule + "\": expected to fire, but did not");
                RuleInfo info = ruleInfos.get(rule);
                explanations.add("- rule \"" + rule + "\" fires\n+ it does not fire\n" + (info == null
                        ? "the rule base has no rule of that name" + Suggestions.didYouMean(rule, ruleInfos.keySet())
                        : "it is declared at " + declaredAt(info, advisor) + "; its conditions did not all match these facts"));
            }
        }
        for (String rule : list(expected, "absentRules")) {
            if (rules.contains(rule)) {
                failures.add("rule \"" + rule + "\": expected not to fire, but did");
                explanations.add("- rule \"" + rule + "\" does not fire\n+ it fired\n"
                        + firingsOf(decision, firing -> firing.rule().equals(rule)));
            }
        }
        if (expected.containsKey("caveats")) {
            Set<String> wanted = new TreeSet<>(list(expected, "caveats"));
            Set<String> actual = new TreeSet<>();
            decision.conclusions(Conclusion.CAVEAT).forEach(caveat -> actual.addAll(caveat.claims()));
            if (!wanted.equals(actual)) {
                failures.add("caveats: expected the claims " + wanted + " but the caveats cite " + actual);
                StringBuilder caveats = new StringBuilder("- caveats citing " + wanted + "\n+ caveats citing " + actual + "\n");
                decision.conclusions(Conclusion.CAVEAT).forEach(caveat -> caveats.append("caveat ").append(caveat.claims())
                        .append(": ").append(caveat.text()).append(" (rule \"").append(caveat.rule()).append("\")\n"));
                explanations.add(caveats.toString());
            }
        }
        if (expected.containsKey("tensions")) {
            List<List<String>> wanted = (List<List<String>>) expected.get("tensions");
            List<Conclusion> tensions = decision.tensions();
            if (wanted.isEmpty() && !tensions.isEmpty()) {
                failures.add("tensions: expected none but the decision has " + tensions.size());
                explanations.add("- no tension\n+ " + tensionLines(tensions));
            }
            for (List<String> group : wanted) {
                if (tensions.stream().noneMatch(tension -> tension.claims().containsAll(group))) {
                    failures.add("tensions: expected one citing " + group + " but none does");
                    explanations.add("- a tension citing " + group + "\n+ " + (tensions.isEmpty() ? "no tension\n" : tensionLines(tensions)));
                }
            }
        }
        if (expected.containsKey("notWeighed")) {
            Set<String> wanted = new TreeSet<>(list(expected, "notWeighed"));
            Set<String> actual = new TreeSet<>();
            decision.notWeighed().forEach(term -> actual.add(term.field() + " " + term.term()));
            if (!actual.containsAll(wanted)) {
                Set<String> missing = new TreeSet<>(wanted);
                missing.removeAll(actual);
                failures.add("not weighed: expected " + missing + " among the unweighed terms " + actual);
                explanations.add("- not weighed " + wanted + "\n+ not weighed " + actual + "\n");
            }
        }
        return new ScenarioResult(this, decision, failures, explanations);
    }

    private static String tensionLines(List<Conclusion> tensions) {
        return tensions.stream().map(tension -> "tension " + tension.claims() + ": " + tension.text())
                .collect(Collectors.joining("\n")) + "\n";
    }

    /** The scores as every command prints them: {@code nodejs 19, python 1}. */
    private static String scoreText(Decision decision) {
        return decision.scores().entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String scoresAndEvidence(Decision decision, StackAdvisor advisor) {
        StringBuilder text = new StringBuilder("scores: ");
        text.append(scoreText(decision)).append(" (a candidate must lead by ").append(Access.root().ruleBase(advisor).manifest.margin)
                .append(")\nevidence:\n");
        for (Conclusion evidence : decision.conclusions(Conclusion.RECOMMENDATION)) {
            text.append("  +").append(evidence.points()).append(' ').append(evidence.candidate()).append(' ')
                    .append(evidence.claims()).append(' ').append(evidence.text()).append(" (rule \"").append(evidence.rule())
                    .append("\")\n");
        }
        return text.toString();
    }

    private static String rulesCitingInBase(Map<String, RuleInfo> rules, String claim, StackAdvisor advisor) {
        List<String> citing = rules.values().stream().filter(info -> info.claims.contains(claim))
                .map(info -> "\"" + info.name + "\" (" + declaredAt(info, advisor) + ")").collect(Collectors.toList());
        return citing.isEmpty() ? "no rule of the rule base cites " + claim
                : "rules citing " + claim + ", none of whose conditions all matched:\n  " + String.join("\n  ", citing);
    }

    private static String declaredAt(RuleInfo info, StackAdvisor advisor) {
        return Access.root().ruleBase(advisor).files.displayName(info.file) + (info.line > 0 ? ":" + info.line : "");
    }

    private static String firingsOf(Decision decision, java.util.function.Predicate<Firing> which) {
        return decision.firings().stream().filter(firing -> !firing.superseded() && which.test(firing))
                .map(firing -> "firing #" + firing.seq() + " \"" + firing.rule() + "\" " + firing.claims() + " matched " + firing.matched()
                        + " and inserted " + firing.inserted())
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static List<String> rulesCiting(Decision decision, String claim) {
        Set<String> rules = new LinkedHashSet<>();
        decision.firings().stream().filter(firing -> !firing.superseded() && firing.claims().contains(claim))
                .forEach(firing -> rules.add("\"" + firing.rule() + "\" (firing " + firing.seq() + ")"));
        return List.copyOf(rules);
    }

    /**
     * Checks what the expectations name against the rule base: a verdict is a candidate or {@code
     * either}, each claim is in the catalogue, with a did-you-mean: an expectation naming what does not
     * exist would pass or fail for the wrong reason. (A rule name that does not exist fails the
     * scenario, with a did-you-mean in its diff.)
     */
    @SuppressWarnings("unchecked")
    private void checkNames(JsonDocumentReader.Parsed parsed, StackAdvisor advisor) {
        Map<String, Object> expected = (Map<String, Object>) parsed.root;
        String source = expectationsFile.toString();
        List<Problem> problems = new ArrayList<>();
        Set<String> verdicts = new LinkedHashSet<>(advisor.candidates());
        verdicts.add(Decision.EITHER);
        Object verdict = expected.get("verdict");
        if (verdict != null && !verdicts.contains(verdict)) {
            problems.add(unknown(parsed, "$.verdict", "candidate", (String) verdict, verdicts));
        }
        if (expected.get("scores") instanceof Map) {
            for (String candidate : ((Map<String, Object>) expected.get("scores")).keySet()) {
                if (!advisor.candidates().contains(candidate)) {
                    problems.add(unknown(parsed, "$.scores." + candidate, "candidate", candidate, new LinkedHashSet<>(advisor.candidates())));
                }
            }
        }
        Set<String> claims = advisor.claims().stream().map(org.stackadvisor.Claim::id).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String key : List.of("claims", "absentClaims", "caveats")) {
            List<String> named = list(expected, key);
            for (int i = 0; i < named.size(); i++) {
                if (!claims.contains(named.get(i))) {
                    problems.add(unknown(parsed, "$." + key + "[" + i + "]", "claim", named.get(i), claims));
                }
            }
        }
        List<List<String>> tensions = expected.get("tensions") instanceof List ? (List<List<String>>) expected.get("tensions") : List.of();
        for (int group = 0; group < tensions.size(); group++) {
            for (int i = 0; i < tensions.get(group).size(); i++) {
                if (!claims.contains(tensions.get(group).get(i))) {
                    problems.add(unknown(parsed, "$.tensions[" + group + "][" + i + "]", "claim", tensions.get(group).get(i), claims));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
    }

    private static boolean isWholeNumber(Object value) {
        if (!(value instanceof java.math.BigDecimal)) {
            return value instanceof Integer || value instanceof Long;
        }
        java.math.BigDecimal number = (java.math.BigDecimal) value;
        return number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    /** "unknown candidate 'nodjs' in facts/expected/x.json; did you mean 'nodejs'?", at the value's place. */
    private Problem unknown(JsonDocumentReader.Parsed parsed, String path, String kind, String given, Set<String> known) {
        int[] at = parsed.positions.getOrDefault(path, new int[] {0, 0});
        Map<String, String> byLowerCase = new java.util.HashMap<>();
        known.forEach(name -> byLowerCase.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), name));
        String suggestion = Suggestions.closest(given, byLowerCase.keySet()).map(match -> "; did you mean '" + byLowerCase.get(match) + "'?")
                .orElse("; the " + kind + (kind.equals("claim") ? "s are the manifest's claim IDs" : "s are: " + String.join(", ", known)));
        return new Problem(expectationsFile.toString(), at[0], at[1], path, "unknown " + kind + " '" + given + "' in "
                + expectationsFile + suggestion);
    }

    @SuppressWarnings("unchecked")
    private JsonDocumentReader.Parsed expectations() {
        String source = expectationsFile.toString();
        if (!Files.isRegularFile(expectationsFile)) {
            throw new InvalidFactsException(List.of(new Problem(source, 0, 0, "",
                    "missing: each scenario's expectations go in " + EXPECTATIONS_FOLDER + "/ beside its facts file")));
        }
        String text;
        try {
            text = Files.readString(expectationsFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidFactsException(List.of(new Problem(source, 0, 0, "", "cannot be read: " + e.getMessage())));
        }
        JsonDocumentReader.Parsed parsed = JsonDocumentReader.read(text, source);
        List<Problem> problems = new ArrayList<>(parsed.problems);
        if (problems.isEmpty() && !(parsed.root instanceof Map)) {
            problems.add(new Problem(source, 1, 1, "$", "expectations are a JSON object such as {\"verdict\": \"nodejs\"}"));
        }
        if (problems.isEmpty()) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) parsed.root).entrySet()) {
                String path = "$." + entry.getKey();
                int[] at = parsed.positions.getOrDefault(path + "#key", new int[] {0, 0});
                if (!KEYS.contains(entry.getKey())) {
                    problems.add(new Problem(source, at[0], at[1], path, "unknown key '" + entry.getKey() + "'; allowed keys: "
                            + String.join(", ", new TreeSet<>(KEYS)) + Suggestions.didYouMean(entry.getKey(), KEYS)));
                } else if (entry.getKey().equals("tensions")) {
                    if (!(entry.getValue() instanceof List && ((List<Object>) entry.getValue()).stream().allMatch(group -> group instanceof List
                            && !((List<Object>) group).isEmpty() && ((List<Object>) group).stream().allMatch(String.class::isInstance)))) {
                        problems.add(new Problem(source, at[0], at[1], path,
                                "expected a list of claim groups such as [[\"PF-T1\", \"UC-2\"]], or [] for no tension"));
                    }
                } else if (entry.getKey().equals("scores")) {
                    if (!(entry.getValue() instanceof Map && ((Map<String, Object>) entry.getValue()).values().stream()
                            .allMatch(Scenario::isWholeNumber))) {
                        problems.add(new Problem(source, at[0], at[1], path, "expected an object of whole-number scores by candidate,"
                                + " such as {\"nodejs\": 10, \"python\": 0}"));
                    }
                } else if (entry.getKey().equals("verdict") ? !(entry.getValue() instanceof String)
                        : !(entry.getValue() instanceof List && ((List<Object>) entry.getValue()).stream().allMatch(String.class::isInstance))) {
                    problems.add(new Problem(source, at[0], at[1], path, entry.getKey().equals("verdict")
                            ? "expected a candidate ID or \"either\"" : "expected a list of text"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        return parsed;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> expected, String key) {
        Object value = expected.get(key);
        return value == null ? List.of() : (List<String>) value;
    }

    @Override
    public String toString() {
        return name();
    }
}
