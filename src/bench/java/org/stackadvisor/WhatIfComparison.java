package org.stackadvisor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.stackadvisor.explain.NearestChanges;
import org.stackadvisor.explain.WhatIf;

/**
 * A warm exhaustive what-if against a plain traced decision, in alternating slices of CPU time
 * (as {@link InterleavedComparison}): the what-if of an example whose search finds nothing tries
 * every single change and every pair, so it is the slowest a what-if gets. Prints milliseconds per
 * what-if and the cost of one tried change as a multiple of one decision.
 *
 * <p>{@code java org.stackadvisor.WhatIfComparison [FACTS_FILE] [ROUNDS] [SLICE_MILLIS] [WARMUP_SECONDS]}
 */
public final class WhatIfComparison {
    private static volatile int sink;

    private WhatIfComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path facts = Path.of(args.length > 0 ? args[0] : "facts/live-chat.json");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long sliceNanos = (args.length > 2 ? Long.parseLong(args[2]) : 1000) * 1_000_000L;
        long warmupNanos = (args.length > 3 ? Long.parseLong(args[3]) : 10) * 1_000_000_000L;
        StackAdvisor advisor = StackAdvisor.bundled();
        Project project = Project.read(facts);
        NearestChanges search = WhatIf.of(advisor, project, Integer.MAX_VALUE).search();
        int tried = 1 + search.singleChangesTried() + search.pairsTried();
        System.out.printf("%s: the what-if decides %d projects (the project, %d single changes, %d pairs), finds %d alternatives%n",
                facts, tried, search.singleChangesTried(), search.pairsTried(), search.alternatives().size());
        List<Double> whatIfMillis = new ArrayList<>();
        List<Double> decideMicros = new ArrayList<>();
        List<Double> perChange = new ArrayList<>();
        for (long end = cpu() + warmupNanos; cpu() < end; ) {
            sink += WhatIf.of(advisor, project, Integer.MAX_VALUE).entries().size();
            sink += advisor.decide(project).verdict().length();
        }
        for (int round = 0; round < rounds; round++) {
            double whatIf = nanosPerOp(() -> sink += WhatIf.of(advisor, project, Integer.MAX_VALUE).entries().size(), sliceNanos);
            double decide = nanosPerOp(() -> sink += advisor.decide(project).verdict().length(), sliceNanos);
            whatIfMillis.add(whatIf / 1e6);
            decideMicros.add(decide / 1e3);
            perChange.add(whatIf / tried / decide);
        }
        System.out.printf("  warm what-if, every single change and every pair: %.1f ms (median; quartiles %.1f .. %.1f)   target < 100 ms: %s%n",
                median(whatIfMillis), quantile(whatIfMillis, 0.25), quantile(whatIfMillis, 0.75), median(whatIfMillis) < 100 ? "met" : "MISSED");
        System.out.printf("  one traced decision: %.1f us (median)%n", median(decideMicros));
        System.out.printf("  one tried change / one decision: %.2fx (quartiles %.2f .. %.2f)   target <= 1.5x: %s%n",
                median(perChange), quantile(perChange, 0.25), quantile(perChange, 0.75), median(perChange) <= 1.5 ? "met" : "MISSED");
    }

    private static double nanosPerOp(Runnable op, long sliceNanos) {
        long start = cpu();
        long ops = 0;
        while (cpu() - start < sliceNanos) {
            op.run();
            ops++;
        }
        return (double) (cpu() - start) / ops;
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(q * (sorted.size() - 1))));
    }
}
