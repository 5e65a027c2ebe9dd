package org.stackadvisor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.stackadvisor.internal.json.Json;
import org.stackadvisor.internal.vocabulary.FactsValidator;
import org.stackadvisor.internal.vocabulary.FieldSpec;
import org.stackadvisor.internal.vocabulary.ValidFacts;

/**
 * The per-decision cost outside the trace, old way against new, timed side by side in alternating
 * slices of thread CPU time in one JVM (as {@link InterleavedComparison} does for the decision
 * paths): rendering a decision as a JSON line through Jackson's data binding (the writer before)
 * against {@link Json}'s direct writer, and the canonical facts with their hash built the old way
 * (nested maps, a sorted deep copy, Jackson, a SHA-256 looked up for each hash) against {@link ValidFacts}. Parsing,
 * validating and the traced decide are timed too, to show each part's share of a batch line.
 *
 * <p>{@code java org.stackadvisor.InputOutputComparison [ROUNDS] [SLICE_MILLIS] [WARMUP_SECONDS]}
 */
public final class InputOutputComparison {

    private InputOutputComparison() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 200) * 1_000_000L;
        long warmupNanos = (args.length > 2 ? Long.parseLong(args[2]) : 10) * 1_000_000_000L;
        BenchExamples examples = BenchExamples.bundled(Path.of("facts"));
        Map<String, FieldSpec> vocabulary = examples.ruleBase.manifest.vocabulary;
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> trees = new ArrayList<>();
        for (Decision decision : examples.decisions) {
            lines.add(Json.write(decision.inputFacts(), false));
            trees.add(decision.toMap());
        }
        for (int i = 0; i < examples.size(); i++) {
            ValidFacts facts = examples.facts.get(i);
            if (!oldCanonicalSha256(facts.name, facts.values).equals(facts.sha256())) {
                throw new IllegalStateException("the old and new canonical facts differ for " + examples.names.get(i));
            }
            if (!Json.writeWithJackson(trees.get(i), false).equals(examples.decisions.get(i).toJsonLine())) {
                throw new IllegalStateException("the old and new JSON lines differ for " + examples.names.get(i));
            }
        }
        Map<String, IntFunction<Object>> paths = new LinkedHashMap<>();
        paths.put("parse", i -> Project.parse(lines.get(i), "<bench>"));
        paths.put("validate", i -> FactsValidator.validate(examples.projects.get(i), vocabulary));
        paths.put("canonicalOld", i -> oldCanonicalSha256(examples.facts.get(i).name, examples.facts.get(i).values));
        paths.put("canonicalNew", i -> new ValidFacts(examples.facts.get(i).name, examples.facts.get(i).values));
        paths.put("tracedDecide", i -> examples.advisor.decide(examples.projects.get(i)));
        paths.put("jsonLineOld", i -> Json.writeWithJackson(examples.decisions.get(i).toMap(), false));
        paths.put("jsonLineNew", i -> examples.decisions.get(i).toJsonLine());
        paths.put("toMapOnly", i -> examples.decisions.get(i).toMap());
        List<String> names = new ArrayList<>(paths.keySet());
        InterleavedComparison.warmUp(paths, examples.size(), warmupNanos);
        Map<String, List<Double>> costs = new LinkedHashMap<>();
        names.forEach(name -> costs.put(name, new ArrayList<>()));
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        List.of("jsonLine old/new", "canonical old/new", "batch line old/new").forEach(name -> ratios.put(name, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            Collections.rotate(names, 1);
            Map<String, Double> cost = new LinkedHashMap<>();
            for (String name : names) {
                cost.put(name, 1e6 / InterleavedComparison.slice(paths.get(name), examples.size(), sliceNanos));
                costs.get(name).add(cost.get(name));
            }
            ratios.get("jsonLine old/new").add(cost.get("jsonLineOld") / cost.get("jsonLineNew"));
            ratios.get("canonical old/new").add(cost.get("canonicalOld") / cost.get("canonicalNew"));
            // A batch line: parse, decide (validation and canonical facts included), render one JSON line.
            double shared = cost.get("parse") + cost.get("tracedDecide") - cost.get("canonicalNew");
            ratios.get("batch line old/new").add((shared + cost.get("canonicalOld") + cost.get("jsonLineOld"))
                    / (shared + cost.get("canonicalNew") + cost.get("jsonLineNew")));
        }
        System.out.printf("input and output, by thread CPU time: %d rounds of %d ms per path, %d s warm-up%n",
                rounds, sliceNanos / 1_000_000, warmupNanos / 1_000_000_000L);
        costs.forEach((name, values) -> System.out.printf("  %-14s %9.2f us/op (median; quartiles %.2f .. %.2f)%n",
                name, InterleavedComparison.median(values), InterleavedComparison.quantile(values, 0.25), InterleavedComparison.quantile(values, 0.75)));
        System.out.println("  cost ratios, median over rounds of adjacent slices (quartiles):");
        ratios.forEach((name, values) -> System.out.printf("    %-19s %6.2fx  (%.2f .. %.2f)%n", name, InterleavedComparison.median(values),
                InterleavedComparison.quantile(values, 0.25), InterleavedComparison.quantile(values, 0.75)));
    }

    /** A deep copy of {@code value} with every map's keys in sorted order, as the canonical facts were made before. */
    @SuppressWarnings("unchecked")
    private static <T> T sortedKeys(T value) {
        if (value instanceof Map) {
            Map<String, Object> sorted = new LinkedHashMap<>();
            new TreeMap<>((Map<String, Object>) value).forEach((key, child) -> sorted.put(key, sortedKeys(child)));
            return (T) sorted;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            ((List<Object>) value).forEach(child -> copy.add(sortedKeys(child)));
            return (T) copy;
        }
        return value;
    }

    /** The canonical facts and their hash as {@code ValidFacts} built them before: the reference. */
    @SuppressWarnings("unchecked")
    static String oldCanonicalSha256(String name, SortedMap<String, Object> values) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Map<String, Object> node = root;
            String[] parts = entry.getKey().split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                node = (Map<String, Object>) node.computeIfAbsent(parts[i], key -> new LinkedHashMap<>());
            }
            node.put(parts[parts.length - 1], entry.getValue());
        }
        String json = Json.writeWithJackson(sortedKeys(root), false);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
