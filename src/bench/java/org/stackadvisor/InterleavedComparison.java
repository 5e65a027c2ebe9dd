package org.stackadvisor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.stackadvisor.internal.engine.DecisionRun;

/**
 * The paths of {@link DecisionBenchmark}, timed in alternating slices of CPU time in one JVM, for
 * a machine shared with other work: JMH runs one benchmark after another, so a load that comes
 * and goes moves their ratios; here each round times every path back to back, by the thread's own
 * CPU time (work done, not time waited for a core), and the ratios are medians over the rounds.
 *
 * <p>{@code java org.stackadvisor.InterleavedComparison [ROUNDS] [SLICE_MILLIS] [WARMUP_SECONDS]}
 */
public final class InterleavedComparison {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALLOCATION = (com.sun.management.ThreadMXBean) THREADS;
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int CHUNK = 32;
    private static volatile int sink;

    private InterleavedComparison() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 250) * 1_000_000L;
        long warmupNanos = (args.length > 2 ? Long.parseLong(args[2]) : 10) * 1_000_000_000L;
        BenchExamples examples = BenchExamples.bundled(Path.of("facts"));
        Map<String, IntFunction<Object>> paths = new LinkedHashMap<>();
        paths.put("a_handWrittenJava", examples::handWritten);
        paths.put("b_rawDrools", examples::rawDrools);
        paths.put("c_tracedDecide", i -> examples.advisor.decide(examples.projects.get(i)));
        // The control: the very path of c under another name, so c/cc shows how far two identical paths drift apart here.
        paths.put("cc_tracedDecideControl", i -> examples.advisor.decide(examples.projects.get(i)));
        paths.put("f_decideFile", i -> examples.advisor.decide(examples.files.get(i)));
        paths.put("c3_decideAndReadProofs", i -> {
            Decision decision = examples.advisor.decide(examples.projects.get(i));
            return decision.conclusions().size() + decision.firings().size() + decision.inputSha256().length();
        });
        paths.put("e_decideAndRobustness", i -> examples.advisor.decide(examples.projects.get(i)).robustness().summary());
        paths.put("c2_tracedRunOnly", i -> DecisionRun.decide(examples.ruleBase, examples.facts.get(i), examples.firingLimit));
        paths.put("d_renderJson", i -> examples.decisions.get(i).toJson());
        List<String> names = new ArrayList<>(paths.keySet());
        warmUp(paths, examples.size(), warmupNanos);
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> processRates = new LinkedHashMap<>();
        Map<String, List<Double>> allocations = new LinkedHashMap<>();
        names.forEach(name -> rates.put(name, new ArrayList<>()));
        names.forEach(name -> processRates.put(name, new ArrayList<>()));
        names.forEach(name -> allocations.put(name, new ArrayList<>()));
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (String ratio : List.of("c/b", "cc/c", "e/c", "e/cc", "f/c", "e/b", "c3/b", "c2/b", "b/a", "d/c")) {
            ratios.put(ratio, new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            Collections.rotate(names, 1);
            Map<String, Double> rate = new LinkedHashMap<>();
            for (String name : names) {
                Slice slice = measure(paths.get(name), examples.size(), sliceNanos);
                rate.put(name, slice.perThreadCpuSecond());
                rates.get(name).add(slice.perThreadCpuSecond());
                processRates.get(name).add(slice.perProcessCpuSecond());
                allocations.get(name).add(slice.bytesPerOp());
            }
            ratios.get("c/b").add(rate.get("b_rawDrools") / rate.get("c_tracedDecide"));
            ratios.get("cc/c").add(rate.get("c_tracedDecide") / rate.get("cc_tracedDecideControl"));
            ratios.get("f/c").add(rate.get("c_tracedDecide") / rate.get("f_decideFile"));
            ratios.get("e/c").add(rate.get("c_tracedDecide") / rate.get("e_decideAndRobustness"));
            ratios.get("e/cc").add(rate.get("cc_tracedDecideControl") / rate.get("e_decideAndRobustness"));
            ratios.get("e/b").add(rate.get("b_rawDrools") / rate.get("e_decideAndRobustness"));
            ratios.get("c3/b").add(rate.get("b_rawDrools") / rate.get("c3_decideAndReadProofs"));
            ratios.get("c2/b").add(rate.get("b_rawDrools") / rate.get("c2_tracedRunOnly"));
            ratios.get("b/a").add(rate.get("a_handWrittenJava") / rate.get("b_rawDrools"));
            ratios.get("d/c").add(rate.get("c_tracedDecide") / rate.get("d_renderJson"));
        }
        System.out.printf("interleaved, by thread CPU time: %d rounds of %d ms per path, %d s warm-up%n",
                rounds, sliceNanos / 1_000_000, warmupNanos / 1_000_000_000L);
        for (String name : paths.keySet()) {
            List<Double> r = rates.get(name);
            System.out.printf("  %-20s %12.0f ops per CPU-second (median; quartiles %.0f .. %.0f)  %9.2f us/op"
                    + "  | %8.0f per process-CPU-second  %6.1f KB allocated/op%n",
                    name, median(r), quantile(r, 0.25), quantile(r, 0.75), 1e6 / median(r),
                    median(processRates.get(name)), median(allocations.get(name)) / 1024);
        }
        System.out.println("  (CPU-second: the deciding thread's own CPU time; process-CPU-second: the whole JVM's, so"
                + " also the collector and the JIT compilers working for it)");
        System.out.println("  cost ratios, median over rounds of adjacent slices (quartiles):");
        ratios.forEach((name, values) -> System.out.printf("    %-5s %8.2fx  (%.2f .. %.2f)%s%n", name, median(values),
                quantile(values, 0.25), quantile(values, 0.75), target(name, median(values))));
        double c = median(rates.get("c_tracedDecide"));
        double cProcess = median(processRates.get("c_tracedDecide"));
        System.out.printf("    traced decisions per CPU-second (per core) %.0f   target >= 40,000: %s%n", c, c >= 40_000 ? "met" : "MISSED");
        System.out.printf("    the same per process-CPU-second (collector and JIT included) %.0f   target >= 40,000: %s%n", cProcess,
                cProcess >= 40_000 ? "met" : "MISSED");
    }

    private static String target(String ratio, double value) {
        switch (ratio) {
            case "c/b":
                return "   target <= 1.5x: " + (value <= 1.5 ? "met" : "MISSED");
            case "cc/c":
                return "   control: identical paths, the noise floor of every ratio here";
            case "f/c":
                return "   decide(Path) against decide(Project): reading and validating a file, target <= 1.33x: " + (value <= 1.34 ? "met" : "MISSED");
            case "e/c":
                return "   robustness read on a traced decision, target <= 1.10x: " + (value <= 1.10 ? "met" : "MISSED");
            default:
                return "";
        }
    }

    /** Runs every path in turn, in slices of a twentieth of {@code nanos}, until {@code nanos} of CPU time have gone. */
    static void warmUp(Map<String, IntFunction<Object>> paths, int examples, long nanos) {
        for (long end = cpu() + nanos; cpu() < end; ) {
            for (IntFunction<Object> path : paths.values()) {
                slice(path, examples, nanos / 20);
            }
        }
    }

    /** Runs a path for about {@code nanos} of this thread's CPU time; returns operations per CPU-second. */
    static double slice(IntFunction<Object> path, int examples, long nanos) {
        return measure(path, examples, nanos).perThreadCpuSecond();
    }

    /** One slice's rates: per second of this thread's CPU time and of the process's, and the bytes it allocated per operation. */
    record Slice(double perThreadCpuSecond, double perProcessCpuSecond, double bytesPerOp) {
    }

    /** Runs a path for about {@code nanos} of this thread's CPU time. */
    static Slice measure(IntFunction<Object> path, int examples, long nanos) {
        long start = cpu();
        long processStart = PROCESS.getProcessCpuTime();
        long allocatedStart = ALLOCATION.getCurrentThreadAllocatedBytes();
        long end = start + nanos;
        long ops = 0;
        int example = 0;
        long now;
        do {
            for (int i = 0; i < CHUNK; i++) {
                sink += System.identityHashCode(path.apply(example));
                example = example + 1 == examples ? 0 : example + 1;
            }
            ops += CHUNK;
            now = cpu();
        } while (now < end);
        long process = PROCESS.getProcessCpuTime() - processStart;
        long allocated = ALLOCATION.getCurrentThreadAllocatedBytes() - allocatedStart;
        return new Slice(ops * 1e9 / (now - start), ops * 1e9 / Math.max(1, process), (double) allocated / ops);
    }

    static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double position = q * (sorted.size() - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (position - low);
    }
}
