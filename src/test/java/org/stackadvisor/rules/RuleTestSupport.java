package org.stackadvisor.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.stackadvisor.Decision;
import org.stackadvisor.Firing;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;

/**
 * What the per-file rule tests share: one advisor over the bundled rules (compiled once for the
 * whole test run), the rules of each DRL file (found by scanning the file for {@code rule "NAME"}),
 * and views of a decision restricted to the rules of one file.
 */
final class RuleTestSupport {
    /** The advisor every rule test decides with; the bundled rule base is compiled once per class loader. */
    static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    /** The rule base's source folder; tests run with the project root as working directory. */
    static final Path RULES_DIRECTORY = Path.of("rules");

    private static final Pattern RULE_DECLARATION = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Map<String, Set<String>> RULES_BY_FILE = new ConcurrentHashMap<>();
    private static volatile Integer margin;

    private RuleTestSupport() {
    }

    /** Decides a project with the shared advisor. */
    static Decision decide(Project project) {
        return ADVISOR.decide(project);
    }

    /** The names of the rules declared in one DRL file of {@code rules/}, in file order. */
    static Set<String> rulesOf(String drlFile) {
        return RULES_BY_FILE.computeIfAbsent(drlFile, RuleTestSupport::scan);
    }

    /** The rules of one DRL file that the decision rests on (non-superseded firings), in firing order, each once. */
    static List<String> firedRulesOf(Decision decision, String drlFile) {
        Set<String> rules = rulesOf(drlFile);
        return decision.firedRules().stream().filter(rules::contains).collect(Collectors.toList());
    }

    /**
     * The facts (Evidence, Caveat, Characteristic, LibraryFit, Score, Verdict) inserted by the
     * non-superseded firings of one DRL file's rules, each once, rendered as in the trace:
     * {@code {type=Evidence, candidate=nodejs, weight=2, text=...}}.
     */
    static List<Map<String, Object>> derivedFactsOf(Decision decision, String drlFile) {
        Set<String> rules = rulesOf(drlFile);
        return decision.firings().stream()
                .filter(firing -> !firing.superseded() && rules.contains(firing.rule()))
                .map(Firing::inserted)
                .flatMap(List::stream)
                .distinct()
                .collect(Collectors.toList());
    }

    /** The manifest's {@code decision.margin}. */
    static int margin() {
        Integer known = margin;
        if (known == null) {
            try {
                JsonNode manifest = new ObjectMapper().readTree(RULES_DIRECTORY.resolve("manifest.json").toFile());
                JsonNode points = manifest.path("decision").path("margin");
                if (!points.isInt()) {
                    throw new IllegalStateException("rules/manifest.json has no integer decision.margin");
                }
                known = points.intValue();
                margin = known;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return known;
    }

    static Map<String, Object> evidence(String candidate, int weight, String text) {
        return fact("Evidence", "candidate", candidate, "weight", weight, "text", text);
    }

    static Map<String, Object> caveat(String text) {
        return fact("Caveat", "text", text);
    }

    static Map<String, Object> characteristic(String name) {
        return fact("Characteristic", "name", name);
    }

    static Map<String, Object> libraryFit(String library, String candidate) {
        return fact("LibraryFit", "library", library, "candidate", candidate);
    }

    static Map<String, Object> score(String candidate, int total) {
        return fact("Score", "candidate", candidate, "total", total);
    }

    static Map<String, Object> verdict(String candidate) {
        return fact("Verdict", "candidate", candidate);
    }

    private static Map<String, Object> fact(String type, Object... keysAndValues) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("type", type);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fact.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(fact);
    }

    private static Set<String> scan(String drlFile) {
        Path file = RULES_DIRECTORY.resolve(drlFile);
        try {
            Matcher matcher = RULE_DECLARATION.matcher(Files.readString(file, StandardCharsets.UTF_8));
            Set<String> names = new LinkedHashSet<>();
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            if (names.isEmpty()) {
                throw new IllegalStateException(file + " declares no rule");
            }
            return Collections.unmodifiableSet(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
