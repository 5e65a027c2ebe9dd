package org.stackadvisor.audit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link SigningBenchmark}'s paths timed by thread CPU time in alternating slices, in one JVM, so
 * that other work on a shared machine does not inflate them: per round, the CPU time of a record's
 * hash, of its hash and signature, and of checking one signature; the medians over rounds and
 * the signing cost (b - a). Arguments: ROUNDS (default 15), OPERATIONS per slice (default 200),
 * WARM-UP rounds (default 5). Run after {@code bench/build test-compile}:
 * {@code java -cp "$(cat target/bench/classpath.txt)" org.stackadvisor.audit.SigningComparison}.
 */
public final class SigningComparison {
    private SigningComparison() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int operations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        SigningBenchmark paths = new SigningBenchmark();
        paths.setUp();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[][] micros = new double[3][rounds];
        for (int round = -warmUp; round < rounds; round++) {
            for (int path = 0; path < 3; path++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < operations; i++) {
                    Object result = path == 0 ? paths.a_recordHash() : path == 1 ? paths.b_recordHashAndSignature()
                            : paths.c_checkSignature();
                    if (result == null) {
                        throw new IllegalStateException();
                    }
                }
                if (round >= 0) {
                    micros[path][round] = (cpu.getCurrentThreadCpuTime() - start) / 1000.0 / operations;
                }
            }
        }
        double[] cost = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            cost[round] = micros[1][round] - micros[0][round];
        }
        System.out.printf("CPU time per record, median of %d rounds of %d (quartiles):%n", rounds, operations);
        System.out.printf("  a record hash              %8.1f us %s%n", median(micros[0]), quartiles(micros[0]));
        System.out.printf("  b hash and signature       %8.1f us %s%n", median(micros[1]), quartiles(micros[1]));
        System.out.printf("  signing, b - a             %8.1f us %s%n", median(cost), quartiles(cost));
        System.out.printf("  c checking one signature   %8.1f us %s%n", median(micros[2]), quartiles(micros[2]));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String quartiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("(%.1f .. %.1f)", sorted[sorted.length / 4], sorted[sorted.length * 3 / 4]);
    }
}
