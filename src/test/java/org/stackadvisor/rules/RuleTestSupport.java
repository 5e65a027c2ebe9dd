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
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.Firing;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;

/**
 * What the per-file rule tests share: one advisor over the bundled rules (compiled once for the
 * whole test run), the rules of each DRL file (found by scanning the file for {@code rule "NAME"}),
 * views of a decision restricted to the rules of one file, and the manifest's weights, so that
 * expected scores are worked out from the claims' weights rather than written down.
 */
final class RuleTestSupport {
    /** The advisor every rule test decides with; the bundled rule base is compiled once per class loader. */
    static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    /** The rule base's source folder; tests run with the project root as working directory. */
    static final Path RULES_DIRECTORY = Path.of("rules");

    private static final Pattern RULE_DECLARATION = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Map<String, Set<String>> RULES_BY_FILE = new ConcurrentHashMap<>();
    private static volatile JsonNode manifest;

    private RuleTestSupport() {
    }

    /** Decides a project with the shared advisor. */
    static Decision decide(Project project) {
        return ADVISOR.decide(project);
    }

    /** The names of the rules declared in one DRL file or CSV decision table of {@code rules/}, in file order. */
    static Set<String> rulesOf(String drlFile) {
        return RULES_BY_FILE.computeIfAbsent(drlFile, RuleTestSupport::scan);
    }

    /** The rules of one DRL file that the decision rests on (non-superseded firings), in firing order, each once. */
    static List<String> firedRulesOf(Decision decision, String drlFile) {
        Set<String> rules = rulesOf(drlFile);
        return decision.firedRules().stream().filter(rules::contains).collect(Collectors.toList());
    }

    /**
     * The facts (Evidence, Caveat, Tension, Characteristic, LibraryFit, Score, Verdict) inserted by the
     * non-superseded firings of one DRL file's rules, each once, rendered as in the trace:
     * {@code {type=Evidence, candidate=nodejs, claim=UC-4, text=..., weight=2}} (the weight is the claim's, from
     * the manifest). A fact another rule inserted first shows only in that rule's firing..
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
        JsonNode points = manifest().path("decision").path("margin");
        if (!points.isInt()) {
            throw new IllegalStateException("rules/manifest.json has no integer decision.margin");
        }
        return points.intValue();
    }

    /** The weight the manifest gives a weighed claim; a claim without one is a mistake in the test. */
    static int weight(String claim) {
        JsonNode weight = claim(claim).path("weight");
        if (!weight.isInt()) {
            throw new IllegalStateException("rules/manifest.json gives claim " + claim + " no weight");
        }
        return weight.intValue();
    }

    /** The signal a claim votes in: the claim it {@code restates} in the manifest, or itself. */
    static String signalOf(String claim) {
        JsonNode restates = claim(claim).path("restates");
        return restates.isTextual() ? restates.textValue() : claim;
    }

    /**
     * The points that evidence of these claims for one candidate adds to its score: one vote per
     * signal, each worth the weight of its strongest claim, as the manifest's weights and
     * {@code restates} say.
     */
    static int points(String... claims) {
        Map<String, Integer> bySignal = new LinkedHashMap<>();
        for (String claim : claims) {
            bySignal.merge(signalOf(claim), weight(claim), Math::max);
        }
        return bySignal.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The article's own way out of the tension between two claims, from the manifest's {@code tensions}. */
    static String wayOut(String claim, String otherClaim) {
        for (JsonNode tension : manifest().path("tensions")) {
            Set<String> pair = new LinkedHashSet<>();
            tension.path("claims").forEach(each -> pair.add(each.textValue()));
            if (pair.equals(Set.of(claim, otherClaim))) {
                return tension.path("wayOut").textValue();
            }
        }
        throw new IllegalStateException("rules/manifest.json records no tension between " + claim + " and " + otherClaim);
    }

    /**
     * The recommendations of a decision as the reader sees them, one per vote:
     * {@code "nodejs 3 [BACK-2, PF-T1, UC-3]"}, the candidate, the vote's weight and its claims, sorted.
     */
    static List<String> votesOf(Decision decision) {
        return decision.conclusions(Conclusion.RECOMMENDATION).stream()
                .map(conclusion -> describeVote(conclusion.candidate(), conclusion.points(), conclusion.claims()))
                .collect(Collectors.toList());
    }

    /** One vote as {@link #votesOf} renders it, its weight worked out from the manifest: {@link #points}. */
    static String vote(String candidate, String... claims) {
        return describeVote(candidate, points(claims), List.of(claims));
    }

    private static String describeVote(String candidate, Integer weight, List<String> claims) {
        return candidate + " " + weight + " " + claims.stream().sorted().collect(Collectors.toList());
    }

    /** The input terms a decision names as not weighed, as {@code "field term"}. */
    static List<String> notWeighedOf(Decision decision) {
        return decision.notWeighed().stream().map(term -> term.field() + " " + term.term()).collect(Collectors.toList());
    }

    /** The claims of each tension the decision shows, each list sorted. */
    static List<List<String>> tensionClaimsOf(Decision decision) {
        return decision.tensions().stream().map(tension -> tension.claims().stream().sorted().collect(Collectors.toList()))
                .collect(Collectors.toList());
    }

    /** A piece of evidence as the trace renders it, with its claim's weight from the manifest. */
    static Map<String, Object> evidence(String candidate, String claim, String text) {
        return fact("Evidence", "candidate", candidate, "claim", claim, "text", text, "weight", weight(claim));
    }

    static Map<String, Object> caveat(String text) {
        return fact("Caveat", "text", text);
    }

    static Map<String, Object> tension(String claim, String otherClaim, String wayOut) {
        return fact("Tension", "claim", claim, "otherClaim", otherClaim, "wayOut", wayOut);
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

    private static JsonNode claim(String id) {
        for (JsonNode claim : manifest().path("claims")) {
            if (id.equals(claim.path("id").textValue())) {
                return claim;
            }
        }
        throw new IllegalStateException("rules/manifest.json has no claim " + id);
    }

    private static JsonNode manifest() {
        JsonNode known = manifest;
        if (known == null) {
            try {
                known = new ObjectMapper().readTree(RULES_DIRECTORY.resolve("manifest.json").toFile());
                manifest = known;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return known;
    }

    private static Map<String, Object> fact(String type, Object... keysAndValues) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("type", type);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fact.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(fact);
    }

    /**
     * The rule names of a CSV decision table: the first cell of each row under the column labels
     * row (the row whose first cell is {@code Rule}), up to the first empty row.
     */
    private static Set<String> tableRuleNames(String csv) {
        Set<String> names = new LinkedHashSet<>();
        boolean inRules = false;
        for (String line : csv.split("\r?\n")) {
            String first = line.split(",", 2)[0].trim();
            if (inRules && first.isEmpty()) {
                break;
            }
            if (inRules) {
                names.add(first);
            }
            inRules = inRules || first.equals("Rule");
        }
        return names;
    }

    private static Set<String> scan(String drlFile) {
        Path file = RULES_DIRECTORY.resolve(drlFile);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Set<String> names = drlFile.endsWith(".csv") ? tableRuleNames(text) : new LinkedHashSet<>();
            Matcher matcher = RULE_DECLARATION.matcher(drlFile.endsWith(".csv") ? "" : text);
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
