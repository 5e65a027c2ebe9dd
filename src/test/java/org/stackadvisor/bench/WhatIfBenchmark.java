package org.stackadvisor.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.stackadvisor.Project;
import org.stackadvisor.Scenario;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.WhatIf;

/**
 * How long a what-if takes in a warm JVM, against one decision of the same project measured
 * side by side: for each example in {@code facts/}, the median of the single-change what-if
 * (pair limit 0), of the full what-if (pairs when no single change alters the verdict) and of
 * one decision. Not a test: run it on demand (see README, "What would change the verdict").
 *
 * <p>Arguments: {@code [rounds] [facts folder]}, by default 30 rounds over {@code facts}.
 */
public final class WhatIfBenchmark {
    private static final int WARM_UP_ROUNDS = 10;

    private WhatIfBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path folder = Path.of(args.length > 1 ? args[1] : "facts");
        StackAdvisor advisor = StackAdvisor.bundled();
        List<Project> projects = new ArrayList<>();
        Scenario.discover(folder).forEach(scenario -> projects.add(Project.read(scenario.factsFile())));

        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Project project : projects) {
                advisor.whatIf(project);
                advisor.decide(project);
            }
        }
        System.out.printf(Locale.ROOT, "%-52s %8s %10s %11s %8s %10s%n", "project (median of " + rounds + " rounds)",
                "decide", "whatif-1", "whatif-1/", "changes", "whatif");
        System.out.printf(Locale.ROOT, "%-52s %8s %10s %11s %8s %10s%n", "", "ms", "ms", "decide", "", "ms");
        double worstSingle = 0;
        for (Project project : projects) {
            double decide = medianMillis(rounds, () -> advisor.decide(project));
            double single = medianMillis(rounds, () -> advisor.whatIf(project, 0));
            double full = medianMillis(rounds, () -> advisor.whatIf(project));
            WhatIf whatIf = advisor.whatIf(project);
            worstSingle = Math.max(worstSingle, single);
            String name = project.name().length() > 50 ? project.name().substring(0, 50) : project.name();
            System.out.printf(Locale.ROOT, "%-52s %8.3f %10.2f %10.0fx %8d %10.2f%s%n", name, decide, single, single / decide,
                    whatIf.search().singleChangesTried(), full,
                    whatIf.search().pairsSearched() ? "  (" + whatIf.search().pairsTried() + " pairs)" : "");
        }
        System.out.printf(Locale.ROOT, "slowest single-change what-if: %.2f ms (budget 100 ms)%n", worstSingle);
    }

    private static double medianMillis(int rounds, Supplier<?> work) {
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[rounds / 2];
    }
}
