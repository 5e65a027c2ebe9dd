package org.stackadvisor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The scaling target measured by alternating slices of thread CPU time, as
 * {@link InterleavedComparison} does for one rule base: generated rule bases of 100, 1,000 and
 * 10,000 rules ({@link GeneratedRuleBase}) are built once each (the build time per rule is
 * printed), then raw Drools and the traced {@code decide} on each are timed in turn, round after
 * round, and the cost ratio of the largest to the smallest is taken per round from adjacent
 * slices. A load that comes and goes moves every path of a round alike, so the ratios hold where
 * separate JMH runs do not.
 *
 * <pre>
 * java -Xmx3g -cp "$(cat target/bench/classpath.txt)" org.stackadvisor.ScalingComparison [ROUNDS] [SLICE_MS] [SIZES]
 * </pre>
 */
public final class ScalingComparison {
    private static final int MAX_WARMUP_SECONDS = 120;

    private ScalingComparison() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 200) * 1_000_000L;
        List<Integer> sizes = new ArrayList<>();
        for (String size : (args.length > 2 ? args[2] : "100,1000,10000").split(",")) {
            sizes.add(Integer.parseInt(size));
        }
        StackAdvisor.bundled();
        Map<String, IntFunction<Object>> paths = new LinkedHashMap<>();
        for (int rules : sizes) {
            StackAdvisor advisor = build(rules);
            BenchExamples tenTerms = BenchExamples.of(advisor, List.of(GeneratedRuleBase.project(rules, 10, "10 terms")));
            BenchExamples longList = BenchExamples.of(advisor, List.of(GeneratedRuleBase.longListProject("long list")));
            System.out.printf("rules=%d firings: 10 terms %d, long list %d%n", rules,
                    tenTerms.decisions.get(0).firings().size(), longList.decisions.get(0).firings().size());
            paths.put("raw " + rules + " 10 terms", tenTerms::rawDrools);
            paths.put("traced " + rules + " 10 terms", i -> tenTerms.advisor.decide(tenTerms.projects.get(0)));
            paths.put("raw " + rules + " long list", longList::rawDrools);
            paths.put("traced " + rules + " long list", i -> longList.advisor.decide(longList.projects.get(0)));
        }
        List<String> names = new ArrayList<>(paths.keySet());
        for (String name : names) {
            warmUntilSteady(name, paths.get(name));
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        names.forEach(name -> rates.put(name, new ArrayList<>()));
        int smallest = sizes.get(0);
        int largest = sizes.get(sizes.size() - 1);
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (String path : List.of("raw", "traced")) {
            for (String project : List.of("10 terms", "long list")) {
                ratios.put(path + " " + project, new ArrayList<>());
            }
        }
        for (int round = 0; round < rounds; round++) {
            Collections.rotate(names, 1);
            Map<String, Double> rate = new LinkedHashMap<>();
            for (String name : names) {
                rate.put(name, InterleavedComparison.slice(paths.get(name), 1, sliceNanos));
                rates.get(name).add(rate.get(name));
            }
            ratios.forEach((key, values) -> {
                String[] parts = key.split(" ", 2);
                values.add(rate.get(parts[0] + " " + smallest + " " + parts[1]) / rate.get(parts[0] + " " + largest + " " + parts[1]));
            });
        }
        System.out.printf("interleaved, by thread CPU time: %d rounds of %d ms per path%n", rounds, sliceNanos / 1_000_000);
        for (String name : paths.keySet()) {
            List<Double> r = rates.get(name);
            System.out.printf("  %-26s %10.0f ops per CPU-second (quartiles %.0f .. %.0f)  %9.2f us/op%n", name,
                    InterleavedComparison.median(r), InterleavedComparison.quantile(r, 0.25),
                    InterleavedComparison.quantile(r, 0.75), 1e6 / InterleavedComparison.median(r));
        }
        System.out.printf("  cost at %d rules / cost at %d rules, median over rounds (quartiles); target <= 3x:%n", largest, smallest);
        ratios.forEach((key, values) -> {
            double median = InterleavedComparison.median(values);
            System.out.printf("    %-18s %6.2fx  (%.2f .. %.2f)  %s%n", key, median, InterleavedComparison.quantile(values, 0.25),
                    InterleavedComparison.quantile(values, 0.75), median <= 3 ? "met" : "MISSED");
        });
    }

    /**
     * Runs a path until its rate holds steady: a large rule base has many constraints, each
     * compiled to bytecode by Drools after its first evaluations and then by the JVM, so its
     * decisions keep getting faster for tens of seconds (at 1,000 rules about 30 s of CPU, against
     * a few seconds at 100). Timing it before then would measure the compilers, not the rule count.
     */
    private static void warmUntilSteady(String name, IntFunction<Object> path) {
        long second = 1_000_000_000L;
        double previous = InterleavedComparison.slice(path, 1, second);
        int seconds = 1;
        int steady = 0;
        while (steady < 3 && seconds < MAX_WARMUP_SECONDS) {
            double rate = InterleavedComparison.slice(path, 1, second);
            seconds++;
            steady = Math.abs(rate - previous) <= 0.05 * previous ? steady + 1 : 0;
            previous = Math.max(previous, rate);
        }
        System.out.printf("  warmed %-26s %3d s of CPU%s%n", name, seconds, steady < 3 ? " (not steady yet: its figure is an upper bound)" : "");
    }

    private static StackAdvisor build(int rules) throws IOException {
        return GeneratedRuleBase.build(rules, nanos -> System.out.printf("rules=%d build %d ms, %.2f ms per rule (target <= 20)%n",
                rules, nanos / 1_000_000, nanos / 1e6 / rules));
    }
}
