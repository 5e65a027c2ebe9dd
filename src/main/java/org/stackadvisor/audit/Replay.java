package org.stackadvisor.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.stackadvisor.Decision;
import org.stackadvisor.Firing;
import org.stackadvisor.Problem;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.json.Json;

/**
 * A saved decision decided again: the input facts stored in it (in a decision's JSON, or in one
 * record of an audit log), re-decided with the current
 * rule base, and compared with what was stored. Either the decision is {@linkplain #reproduced()
 * reproduced} byte for byte, or {@link #differences()} says exactly what differs: the rule base
 * hash, the rules changed, added or removed (by their per-rule hashes), the files, the firings
 * added or removed, the verdict and the scores.
 *
 * <pre>{@code
 * Replay replay = StackAdvisor.fromDirectory(Path.of("rules")).replay(Path.of("saved-decision.json"));
 * if (!replay.reproduced()) {
 *     replay.differences().forEach(System.out::println);   // rule changed: "..." and so on
 *     replay.rulesChanged();                                // the names of the rules whose text changed
 * }
 * }</pre>
 */
public final class Replay {
    /** The largest saved decision {@link StackAdvisor#replay(Path)} reads: 64 MiB. */
    public static final long MAX_DECISION_FILE_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Decision decision;
    private final Map<String, Object> stored;
    private final Map<String, Object> replayed;
    private final List<String> rulesChanged = new ArrayList<>();
    private final List<String> rulesAdded = new ArrayList<>();
    private final List<String> rulesRemoved = new ArrayList<>();
    private final List<String> firingsAdded = new ArrayList<>();
    private final List<String> firingsRemoved = new ArrayList<>();
    private final List<String> differences = new ArrayList<>();

    private Replay(Map<String, Object> stored, Decision decision) {
        this.stored = stored;
        this.decision = decision;
        this.replayed = parse(decision.toJson(), "the replayed decision");
        compare();
    }

    /**
     * Replays a saved decision file with the advisor's rule base: what {@link
     * StackAdvisor#replay(Path)} returns.
     *
     * @param advisor the advisor that decides the stored input facts again
     * @param decisionFile the JSON of {@link Decision#toJson()}
     * @return what differs between the stored and the replayed decision
     * @throws NotADecisionException when the file is missing, not JSON or not a saved decision
     */
    public static Replay of(StackAdvisor advisor, Path decisionFile) {
        return of(decisionFile, decider(advisor));
    }

    /**
     * Replays a saved decision given as JSON text: what {@link StackAdvisor#replay(String, String)} returns.
     *
     * @param advisor the advisor that decides the stored input facts again
     * @param decisionJson the JSON of {@link Decision#toJson()}
     * @param sourceName names the text in problems
     * @return what differs between the stored and the replayed decision
     * @throws NotADecisionException when the text is not JSON or not a saved decision
     */
    public static Replay of(StackAdvisor advisor, String decisionJson, String sourceName) {
        return of(decisionJson, sourceName, decider(advisor));
    }

    /** Decides without telling the advisor's listeners, as a replay always has. */
    private static Function<Project, Decision> decider(StackAdvisor advisor) {
        Objects.requireNonNull(advisor, "advisor");
        return project -> Access.root().decideUnrecorded(advisor, project);
    }

    /** Reads a saved decision (the JSON {@code decide --format json} prints) and replays it. */
    static Replay of(Path decisionFile, Function<Project, Decision> decide) {
        String source = decisionFile.toString();
        String json;
        try {
            if (Files.isDirectory(decisionFile)) {
                throw notADecision(source, "", "is a directory, not a saved decision");
            }
            if (Files.size(decisionFile) > MAX_DECISION_FILE_BYTES) {
                throw notADecision(source, "", "is larger than " + MAX_DECISION_FILE_BYTES + " bytes");
            }
            json = Files.readString(decisionFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw notADecision(source, "", "no such file");
        } catch (IOException e) {
            throw notADecision(source, "", "cannot be read: " + e.getMessage());
        }
        return of(json, source, decide);
    }

    static Replay of(String json, String source, Function<Project, Decision> decide) {
        Map<String, Object> stored = parse(json, source);
        if (stored.get("decision") instanceof Map && stored.containsKey("previousHash")) {
            // one record of an audit log: its decision is the saved decision
            if (json.strip().indexOf('\n') >= 0 && json.strip().substring(json.strip().indexOf('\n')).strip().startsWith("{")) {
                throw notADecision(source, "", "holds several audit records; replay one record (a line of the log),"
                        + " or every record with 'audit replay " + source + "'");
            }
            stored = map(stored.get("decision"));
        }
        Object input = stored.get("input");
        if (!(input instanceof Map) || !(((Map<?, ?>) input).get("facts") instanceof Map)) {
            throw notADecision(source, "$.input.facts", "has no stored input facts; a saved decision is the JSON"
                    + " that 'decide --format json' prints for one facts file");
        }
        for (String key : List.of("verdict", "scores", "firings", "knowledgeBase")) {
            if (!stored.containsKey(key)) {
                throw notADecision(source, "$." + key, "is missing; a saved decision has verdict, scores, firings,"
                        + " knowledgeBase and input");
            }
        }
        Project project = Project.parse(Json.write(((Map<?, ?>) input).get("facts"), false), source + " (input.facts)");
        return new Replay(stored, decide.apply(project));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json, String source) {
        Object root;
        try {
            root = MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new NotADecisionException(List.of(new Problem(source, Math.max(line, 0), Math.max(column, 0), "",
                    "is not JSON: " + e.getOriginalMessage())));
        }
        if (!(root instanceof Map)) {
            throw notADecision(source, "$", "is not a JSON object; a saved decision is one object (replay one decision at a time)");
        }
        return (Map<String, Object>) root;
    }

    private static NotADecisionException notADecision(String source, String path, String message) {
        return new NotADecisionException(List.of(new Problem(source, 0, 0, path, message)));
    }

    private void compare() {
        String storedInput = text(map(stored.get("input")).get("sha256"));
        if (!storedInput.equals(decision.inputSha256())) {
            differences.add("input: the stored facts hash to " + decision.inputSha256() + " but the decision records "
                    + storedInput + " (the saved decision was edited)");
        }
        Map<String, Object> storedBase = map(stored.get("knowledgeBase"));
        Map<String, Object> base = map(replayed.get("knowledgeBase"));
        changed("rule base sha256", storedBase.get("sha256"), base.get("sha256"));
        changed("rule base version", storedBase.get("version"), base.get("version"));
        changed("drools version", storedBase.get("drools"), base.get("drools"));
        compareHashes("file", map(storedBase.get("files")), map(base.get("files")), null, null, null);
        compareHashes("rule", map(storedBase.get("rules")), map(base.get("rules")), rulesChanged, rulesAdded, rulesRemoved);
        boolean sameRulesAndInput = differences.isEmpty();
        compareFirings();
        if (sameRulesAndInput && !(firingsAdded.isEmpty() && firingsRemoved.isEmpty())) {
            differences.add(0, "engine: the same rule base and input fired differently, so the decision was saved by another"
                    + " version of Stack Advisor, whose rules took another order (the firings below; the verdict and scores follow)");
        }
        changed("verdict", stored.get("verdict"), replayed.get("verdict"));
        Map<String, Object> storedScores = map(stored.get("scores"));
        Map<String, Object> scores = map(replayed.get("scores"));
        TreeSet<String> candidates = new TreeSet<>(storedScores.keySet());
        candidates.addAll(scores.keySet());
        for (String candidate : candidates) {
            changed("score " + candidate, storedScores.get(candidate), scores.get(candidate));
        }
        if (differences.isEmpty() && !stored.equals(replayed)) {
            differences.add("decision: differs first at " + firstDifference("$", stored, replayed));
        }
    }

    private void changed(String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            differences.add(what + ": " + show(before) + " -> " + show(after));
        }
    }

    private void compareHashes(String kind, Map<String, Object> before, Map<String, Object> after,
            List<String> changedNames, List<String> addedNames, List<String> removedNames) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String what;
            if (!after.containsKey(name)) {
                what = "removed";
                add(removedNames, name);
            } else if (!before.containsKey(name)) {
                what = "added";
                add(addedNames, name);
            } else if (!Objects.equals(before.get(name), after.get(name))) {
                what = "changed";
                add(changedNames, name);
            } else {
                continue;
            }
            differences.add(kind + " " + what + ": \"" + name + "\"");
        }
    }

    private static void add(List<String> names, String name) {
        if (names != null) {
            names.add(name);
        }
    }

    /**
     * Firings are compared by rule, matched facts and inserted facts, not by number, so a shifted
     * order alone is no difference. Each is shown with its number in its own decision.
     */
    private void compareFirings() {
        Map<String, List<String>> before = firings(stored.get("firings"));
        Map<String, List<String>> after = firings(replayed.get("firings"));
        List<String> removed = unmatched(before, after);
        List<String> added = unmatched(after, before);
        removed.forEach(firing -> differences.add("firing removed: " + firing));
        added.forEach(firing -> differences.add("firing added: " + firing));
        firingsRemoved.addAll(removed);
        firingsAdded.addAll(added);
    }

    /** The displays of the firings of {@code these} that {@code others} lacks, counting repeats. */
    private static List<String> unmatched(Map<String, List<String>> these, Map<String, List<String>> others) {
        List<String> unmatched = new ArrayList<>();
        these.forEach((signature, displays) -> {
            int matched = others.getOrDefault(signature, List.of()).size();
            unmatched.addAll(displays.subList(Math.min(matched, displays.size()), displays.size()));
        });
        unmatched.sort(Comparator.comparingInt(Replay::seqOf));
        return unmatched;
    }

    private static int seqOf(String display) {
        return Integer.parseInt(display.substring(1, display.indexOf(' ')));
    }

    /** Firing displays by signature (rule, matched and inserted facts), in firing order. */
    private static Map<String, List<String>> firings(Object firings) {
        Map<String, List<String>> bySignature = new LinkedHashMap<>();
        if (firings instanceof List) {
            for (Object firing : (List<?>) firings) {
                Map<String, Object> map = map(firing);
                // matched by name: the order of a rule's declarations is the compiler's, not the decision's
                Object matched = map.get("matched") instanceof Map ? new TreeMap<>(map(map.get("matched"))) : map.get("matched");
                String signature = Json.write(List.of(text(map.get("rule")), String.valueOf(matched),
                        String.valueOf(map.get("inserted"))), false);
                bySignature.computeIfAbsent(signature, key -> new ArrayList<>()).add(display(map));
            }
        }
        return bySignature;
    }

    /** {@code #5 "rule" on $need=Term(...), $summed=10 facts -> Evidence(...)}: short, but enough to tell firings apart. */
    private static String display(Map<String, Object> firing) {
        StringBuilder display = new StringBuilder("#").append(text(firing.get("seq"))).append(" \"")
                .append(text(firing.get("rule"))).append('"');
        Map<String, Object> matched = map(firing.get("matched"));
        if (!matched.isEmpty()) {
            display.append(" on ").append(matched.entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + (entry.getValue() instanceof List
                            ? ((List<?>) entry.getValue()).size() + " facts" : fact(entry.getValue())))
                    .collect(Collectors.joining(", ")));
        }
        Object inserted = firing.get("inserted");
        if (inserted instanceof List && !((List<?>) inserted).isEmpty()) {
            display.append(" -> ").append(((List<?>) inserted).stream().map(Replay::fact)
                    .collect(Collectors.joining(", ")));
        }
        return display.toString();
    }

    private static String fact(Object value) {
        if (!(value instanceof Map)) {
            return show(value);
        }
        Map<String, Object> fact = map(value);
        return text(fact.get("type")) + fact.entrySet().stream().filter(entry -> !entry.getKey().equals("type"))
                .map(entry -> entry.getKey() + "=" + text(entry.getValue()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String firstDifference(String path, Object before, Object after) {
        if (before instanceof Map && after instanceof Map) {
            Map<?, ?> a = (Map<?, ?>) before;
            Map<?, ?> b = (Map<?, ?>) after;
            TreeSet<String> keys = new TreeSet<>();
            a.keySet().forEach(key -> keys.add(String.valueOf(key)));
            b.keySet().forEach(key -> keys.add(String.valueOf(key)));
            for (String key : keys) {
                if (!Objects.equals(a.get(key), b.get(key))) {
                    return firstDifference(path + "." + key, a.get(key), b.get(key));
                }
            }
        }
        if (before instanceof List && after instanceof List) {
            List<?> a = (List<?>) before;
            List<?> b = (List<?>) after;
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                if (!Objects.equals(a.get(i), b.get(i))) {
                    return firstDifference(path + "[" + i + "]", a.get(i), b.get(i));
                }
            }
            return path + " (" + a.size() + " -> " + b.size() + " elements)";
        }
        return path + ": " + show(before) + " -> " + show(after);
    }

    private static String show(Object value) {
        return value == null ? "(none)" : value instanceof String ? (String) value : Json.write(value, false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** Whether the replayed decision is identical to the stored one. */
    public boolean reproduced() {
        return differences.isEmpty();
    }

    /** What differs, one line each, in the order: input, rule base, files, rules, firings, verdict, scores. Empty when reproduced. */
    public List<String> differences() {
        return Collections.unmodifiableList(differences);
    }

    /** The decision made now from the stored facts. */
    public Decision decision() {
        return decision;
    }

    /** The verdict stored in the saved decision. */
    public String storedVerdict() {
        return text(stored.get("verdict"));
    }

    /** The rule base hash stored in the saved decision. */
    public String storedKnowledgeBaseSha256() {
        return text(map(stored.get("knowledgeBase")).get("sha256"));
    }

    /** The scores stored in the saved decision. */
    public Map<String, Object> storedScores() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map(stored.get("scores"))));
    }

    /** The rules present in both rule bases whose text (per-rule SHA-256) changed, by name, sorted. */
    public List<String> rulesChanged() {
        return Collections.unmodifiableList(rulesChanged);
    }

    /** The rules the current rule base has and the stored one did not. */
    public List<String> rulesAdded() {
        return Collections.unmodifiableList(rulesAdded);
    }

    /** The rules the stored rule base had and the current one does not. */
    public List<String> rulesRemoved() {
        return Collections.unmodifiableList(rulesRemoved);
    }

    /** The firings (rule and matched facts) of the replay that the stored decision did not have. */
    public List<String> firingsAdded() {
        return Collections.unmodifiableList(firingsAdded);
    }

    /** The firings (rule and matched facts) of the stored decision that the replay did not have. */
    public List<String> firingsRemoved() {
        return Collections.unmodifiableList(firingsRemoved);
    }

    @Override
    public String toString() {
        return reproduced() ? "reproduced" : "differs: " + differences;
    }
}
