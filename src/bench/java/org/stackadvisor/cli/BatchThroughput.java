package org.stackadvisor.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stackadvisor.StackAdvisor;

/**
 * {@code decide --batch} on 1 thread against N threads in one warmed-up JVM: the same
 * {@link BatchDecider} the command runs, over the {@code facts/} examples as JSON Lines, its output
 * encoded as UTF-8 and dropped. Runs alternate (1, N, 1, N, ...) so that a load that comes and goes
 * touches both alike; the speed-up is the median over rounds of adjacent runs. Each run also
 * reports the process CPU time per line (all threads: deciding, writing, JIT compiler, GC), which
 * shows whether more threads cost more CPU per line (contention) or only wait for cores.
 *
 * <p>{@code java org.stackadvisor.cli.BatchThroughput [LINES] [ROUNDS] [MIN_WARMUP_SECONDS] [THREADS]}
 */
public final class BatchThroughput {
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private BatchThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long warmupNanos = (args.length > 2 ? Long.parseLong(args[2]) : 30) * 1_000_000_000L;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String input = input(lines);
        StackAdvisor advisor = StackAdvisor.bundled();
        // Warm up for at least the time given, then until the JIT compilers fall quiet (less than 2 % of a
        // run's time spent compiling), for at most three times as long: the C2 compiler alone keeps a core
        // busy for the first 20 to 30 s of CPU time, and would take the core the second thread needs.
        int warmupRuns = 0;
        long start = System.nanoTime();
        double jitShare = 1;
        while (System.nanoTime() - start < warmupNanos || (jitShare > 0.02 && System.nanoTime() - start < 3 * warmupNanos)) {
            long compiling = JIT.getTotalCompilationTime();
            long runStart = System.nanoTime();
            run(advisor, input, warmupRuns % 2 == 0 ? threads : 1);
            jitShare = (JIT.getTotalCompilationTime() - compiling) * 1e6 / (System.nanoTime() - runStart);
            warmupRuns++;
        }
        long warmupSeconds = (System.nanoTime() - start) / 1_000_000_000L;
        Map<Integer, List<double[]>> runs = new TreeMap<>();
        List<Double> speedUps = new ArrayList<>();
        long compilingBefore = JIT.getTotalCompilationTime();
        long measuredStart = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            double[] one = run(advisor, input, 1);
            double[] many = run(advisor, input, threads);
            runs.computeIfAbsent(1, key -> new ArrayList<>()).add(one);
            runs.computeIfAbsent(threads, key -> new ArrayList<>()).add(many);
            speedUps.add(many[0] / one[0]);
        }
        System.out.printf("batch in one JVM: %d lines per run, %d rounds alternating 1 and %d threads, after %d warm-up runs"
                + " (%d s; JIT compiling %.1f %% of the last one's time)%n", lines, rounds, threads, warmupRuns, warmupSeconds, 100 * jitShare);
        double measuredJitShare = (JIT.getTotalCompilationTime() - compilingBefore) * 1e6 / (System.nanoTime() - measuredStart);
        runs.forEach((count, results) -> System.out.printf("  %d thread(s): %8.0f lines/s (median; %.0f .. %.0f), %6.1f us of process CPU per line"
                        + " (%.1f of them reading and writing), %.2f cores busy%n", count, median(results, 0), min(results, 0),
                max(results, 0), median(results, 1), median(results, 3), median(results, 2)));
        System.out.printf("  speed-up %d threads / 1 thread: %.2fx (median over rounds; %.2f .. %.2f)   target >= 1.6x: %s%n", threads,
                median(speedUps), Collections.min(speedUps), Collections.max(speedUps), median(speedUps) >= 1.6 ? "met" : "MISSED");
        // With the cores to itself, one deciding thread goes as fast as its own CPU time per line allows
        // (the reading and writing thread runs beside it), and N threads as fast as N cores share out
        // the whole process's CPU time per line: what the speed-up would be on an idle machine.
        double one = median(runs.get(1), 1) - median(runs.get(1), 3);
        double many = median(runs.get(threads), 1);
        double cores = Math.min(threads, Runtime.getRuntime().availableProcessors());
        System.out.printf("  speed-up the CPU times allow with %.0f idle cores: %.2fx (%.0f cores / %.1f us per line against"
                + " 1 / %.1f us per line of the deciding side)%n", cores, cores * one / many, cores, many, one);
        System.out.printf("  JIT compiling during the measured runs: %.1f %% of their time%n", 100 * measuredJitShare);
        System.out.printf("  machine: %d processors, java %s, %s, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments(), OS.getSystemLoadAverage());
    }

    /**
     * One batch run: lines per second of wall time, process CPU microseconds per line, cores busy, and
     * the CPU microseconds per line of the reading and writing thread (this one).
     */
    private static double[] run(StackAdvisor advisor, String input, int threads) throws IOException {
        BatchDecider decider = new BatchDecider(advisor, threads, threads * BatchDecider.WINDOW_PER_THREAD, 1 << 20);
        Writer out = new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
        long cpu = OS.getProcessCpuTime();
        long mainCpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        BatchDecider.Summary summary = decider.run(new StringReader(input), "<bench>", out, null);
        long wall = System.nanoTime() - start;
        cpu = OS.getProcessCpuTime() - cpu;
        mainCpu = THREADS.getCurrentThreadCpuTime() - mainCpu;
        if (summary.failed > 0) {
            throw new IllegalStateException(summary.failed + " lines failed");
        }
        return new double[] {summary.lines * 1e9 / wall, cpu / 1e3 / summary.lines, (double) cpu / wall,
            mainCpu / 1e3 / summary.lines};
    }

    /** The examples of facts/ as compact lines, repeated, each with its own name. */
    private static String input(int lines) throws IOException {
        List<String> examples;
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            examples = files.filter(path -> path.toString().endsWith(".json")).sorted().map(BatchThroughput::compact)
                    .collect(Collectors.toList());
        }
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            input.append(examples.get(i % examples.size()).replaceFirst("\"name\":\"", "\"name\":\"#" + i + " ")).append('\n');
        }
        return input.toString();
    }

    private static String compact(Path file) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()).toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static double median(List<double[]> results, int index) {
        return median(results.stream().map(result -> result[index]).collect(Collectors.toList()));
    }

    private static double min(List<double[]> results, int index) {
        return results.stream().mapToDouble(result -> result[index]).min().orElse(0);
    }

    private static double max(List<double[]> results, int index) {
        return results.stream().mapToDouble(result -> result[index]).max().orElse(0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
