package org.stackadvisor.audit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link SigningBenchmark}'s paths timed by thread CPU time in alternating slices, in one JVM, so
 * that other work on a shared machine does not inflate them: per round, the CPU time of a record's
 * hash (a), of its hash and signature (b; b0 with the JDK's Ed25519, which signed records before
 * this log had its own signer: b/b0 is the ratio), of checking one signature (c), and per record of a
 * signed group of 1, 16 and 256 records with its tail check (d), the tail's signature made again
 * or remembered; the medians over rounds and the signing cost per record (b - a, d - a). Arguments:
 * ROUNDS (default 15), RECORDS per slice (default 256), WARM-UP rounds (default 5). Run after
 * {@code bench/build test-compile}:
 * {@code java -cp "$(cat target/bench/classpath.txt)" org.stackadvisor.audit.SigningComparison}.
 */
public final class SigningComparison {
    private static final int[] GROUP_SIZES = {1, 16, 256};

    private SigningComparison() {
    }

    /** A path: its label and what one slice runs, returning how many records it stood for. */
    private record Path(String label, Supplier<Integer> slice) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        SigningBenchmark paths = new SigningBenchmark();
        paths.setUp();
        List<Path> timed = new ArrayList<>();
        timed.add(new Path("a record hash", () -> repeat(records, paths::a_recordHash)));
        timed.add(new Path("b hash and signature", () -> repeat(records, paths::b_recordHashAndSignature)));
        timed.add(new Path("b0 hash and the JDK's signature", () -> repeat(Math.max(1, records / 8), paths::b0_recordHashAndJdkSignature)));
        timed.add(new Path("c checking one signature", () -> repeat(records, () -> {
            try {
                return paths.c_checkSignature();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })));
        for (boolean remembered : new boolean[] {false, true}) {
            for (int size : GROUP_SIZES) {
                int groups = Math.max(1, records / size);
                timed.add(new Path("d group of " + size + ", tail " + (remembered ? "remembered" : "re-signed"), () -> {
                    for (int i = 0; i < groups; i++) {
                        if (paths.signedGroup(size, remembered) == null) {
                            throw new IllegalStateException();
                        }
                    }
                    return groups * size;
                }));
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[][] micros = new double[timed.size()][rounds];
        for (int round = -warmUp; round < rounds; round++) {
            for (int path = 0; path < timed.size(); path++) {
                long start = cpu.getCurrentThreadCpuTime();
                int count = timed.get(path).slice().get();
                if (round >= 0) {
                    micros[path][round] = (cpu.getCurrentThreadCpuTime() - start) / 1000.0 / count;
                }
            }
        }
        System.out.printf("CPU time per record, median of %d rounds of about %d records (quartiles); cost = path - a:%n",
                rounds, records);
        for (int path = 0; path < timed.size(); path++) {
            String cost = "";
            if (path == 1 || path == 2 || path >= 4) {
                double[] minusHash = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    minusHash[round] = micros[path][round] - micros[0][round];
                }
                cost = String.format("   signing cost %8.1f us %s", median(minusHash), quartiles(minusHash));
            }
            System.out.printf("  %-36s %8.1f us %s%s%n", timed.get(path).label(), median(micros[path]), quartiles(micros[path]), cost);
        }
        double[] ratio = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            ratio[round] = micros[1][round] / micros[2][round];
        }
        System.out.printf("b/b0, the log's signer against the JDK's, per round: %.3fx %s%n", median(ratio), quartiles(ratio, "%.3f"));
    }

    private static int repeat(int times, Supplier<Object> operation) {
        for (int i = 0; i < times; i++) {
            if (operation.get() == null) {
                throw new IllegalStateException();
            }
        }
        return times;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String quartiles(double[] values) {
        return quartiles(values, "%.1f");
    }

    private static String quartiles(double[] values, String number) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("(" + number + " .. " + number + ")", sorted[sorted.length / 4], sorted[sorted.length * 3 / 4]);
    }
}
