package org.stackadvisor.explain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.internal.engine.RuleBase;
import org.stackadvisor.internal.engine.RuleSource;
import org.stackadvisor.internal.json.Json;
import org.stackadvisor.internal.vocabulary.Suggestions;

/** What the what-if and why-not explanations share: name checks, the rules' evidence targets, the JSON frame. */
final class Explanations {
    /** The evidence target of a rule whose candidate is bound at run time. */
    static final String ANY_CANDIDATE = "*";

    /** {@code new Evidence("python", 3, ...)}: a literal candidate, or an expression such as {@code $candidate}. */
    private static final Pattern EVIDENCE = Pattern.compile("new\\s+Evidence\\s*\\(\\s*(?:\"([^\"]*)\"|([^,)]+))");

    private Explanations() {
    }

    /**
     * The rule of that name.
     *
     * @throws IllegalArgumentException naming the closest rule when there is no such rule
     */
    static RuleReference rule(RuleBase ruleBase, String name) {
        if (!ruleBase.rules.containsKey(name)) {
            throw new IllegalArgumentException("unknown rule \"" + Json.quoteForMessage(name) + "\""
                    + Suggestions.closest(name, ruleBase.rules.keySet()).map(match -> "; did you mean \"" + match + "\"?")
                            .orElse("; the rules are listed in the \"rules\" of decide --format json"));
        }
        return RuleReference.of(ruleBase, name);
    }

    /**
     * The candidate of that ID.
     *
     * @throws IllegalArgumentException naming the candidates when there is no such candidate
     */
    static String candidate(RuleBase ruleBase, String id) {
        if (!ruleBase.manifest.candidates.containsKey(id)) {
            throw new IllegalArgumentException("unknown candidate '" + Json.quoteForMessage(id) + "'; the candidates are "
                    + String.join(", ", ruleBase.manifest.candidates.keySet())
                    + Suggestions.didYouMean(id, ruleBase.manifest.candidates.keySet()));
        }
        return id;
    }

    /**
     * For each rule that inserts evidence, the candidates its text names: a literal such as
     * {@code "python"}, or {@code *} when the candidate is an expression bound at run time.
     */
    static Map<String, Set<String>> evidenceTargets(RuleBase ruleBase) {
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        for (String path : ruleBase.files.files.keySet()) {
            if (!path.endsWith(".drl")) {
                continue;
            }
            for (RuleSource source : RuleSource.scan(path, ruleBase.files.text(path))) {
                Matcher matcher = EVIDENCE.matcher(source.text);
                while (matcher.find()) {
                    targets.computeIfAbsent(source.name, rule -> new TreeSet<>())
                            .add(matcher.group(1) != null ? matcher.group(1) : ANY_CANDIDATE);
                }
            }
        }
        return targets;
    }

    /** An explanation's JSON: the project, its verdict and scores, the explanation's own keys, then the hashes. */
    static String json(Decision decision, Map<String, Object> body) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("project", decision.project());
        map.put("verdict", decision.verdict());
        map.put("scores", decision.scores());
        map.put("tensions", decision.tensions().stream().map(Conclusion::text).collect(Collectors.toList()));
        map.putAll(body);
        map.put("knowledgeBase", Map.of("sha256", decision.knowledgeBaseSha256()));
        map.put("input", Map.of("sha256", decision.inputSha256()));
        return Json.write(map, true);
    }
}
