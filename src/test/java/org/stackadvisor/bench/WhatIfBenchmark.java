package org.stackadvisor.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.authoring.Scenario;
import org.stackadvisor.explain.WhatIf;

/**
 * How long a what-if takes in a warm JVM, against one decision of the same project measured
 * side by side: for each example in {@code facts/}, the median of one decision, of the
 * single-change what-if (pair limit 0) and of the full what-if (pairs when no single change
 * alters the verdict). Not a test: run it on demand (see docs/explanations.md, "What would change the verdict").
 *
 * <p>Arguments: {@code [rounds] [facts folder]}, by default 15 rounds over {@code facts}. The
 * decisions and single-change what-ifs of all examples are timed in the same rounds, so that
 * load from other processes falls on both alike; the full what-ifs are timed afterwards.
 */
public final class WhatIfBenchmark {
    private static final int WARM_UP_ROUNDS = 5;

    private WhatIfBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path folder = Path.of(args.length > 1 ? args[1] : "facts");
        StackAdvisor advisor = StackAdvisor.bundled();
        List<Project> projects = new ArrayList<>();
        Scenario.discover(folder).forEach(scenario -> projects.add(Project.read(scenario.factsFile())));
        int count = projects.size();

        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Project project : projects) {
                advisor.whatIf(project);
                advisor.decide(project);
            }
        }
        double[][] decide = new double[count][rounds];
        double[][] single = new double[count][rounds];
        double[][] full = new double[count][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < count; i++) {
                Project project = projects.get(i);
                long start = System.nanoTime();
                advisor.decide(project);
                long decided = System.nanoTime();
                advisor.whatIf(project, 0);
                long singles = System.nanoTime();
                decide[i][round] = (decided - start) / 1e6;
                single[i][round] = (singles - decided) / 1e6;
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                advisor.whatIf(projects.get(i));
                full[i][round] = (System.nanoTime() - start) / 1e6;
            }
        }

        System.out.printf(Locale.ROOT, "%-46s %8s %9s %9s %8s %9s%n", "project (medians of " + rounds + " rounds)",
                "decide", "whatif-1", "ratio to", "single", "whatif");
        System.out.printf(Locale.ROOT, "%-46s %8s %9s %9s %8s %9s%n", "", "ms", "ms", "decide", "changes", "ms");
        double slowestSingle = 0;
        for (int i = 0; i < count; i++) {
            Project project = projects.get(i);
            WhatIf whatIf = advisor.whatIf(project);
            double singleMedian = median(single[i]);
            slowestSingle = Math.max(slowestSingle, singleMedian);
            String name = project.name().length() > 45 ? project.name().substring(0, 45) : project.name();
            System.out.printf(Locale.ROOT, "%-46s %8.3f %9.2f %8.0fx %8d %9.1f%s%n", name, median(decide[i]), singleMedian,
                    singleMedian / median(decide[i]), whatIf.search().singleChangesTried(), median(full[i]),
                    whatIf.search().pairsSearched() ? "  (+" + whatIf.search().pairsTried() + " pairs)" : "");
        }
        System.out.printf(Locale.ROOT, "slowest single-change what-if: %.2f ms (budget: 100 ms)%n", slowestSingle);
    }

    private static double median(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
