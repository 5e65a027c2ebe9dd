package org.stackadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decisions on generated rule bases of 100, 1,000 and 10,000 rules ({@link GeneratedRuleBase}),
 * for a project naming {@code terms} terms (100: one list as long as the facts contract allows),
 * raw and traced. The setup also times building each rule base once in a warm JVM and appends it
 * to {@code target/bench/scaling-build.txt}. Run it with {@code bench/scaling}, which runs it in
 * one JVM ({@code -f 0}) so that building 10,000 rules happens once, not once per benchmark.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ScalingBenchmark {
    @Param({"100", "1000", "10000"})
    public int rules;

    @Param({"10", "100"})
    public int terms;

    /** Built rule bases by rule count: with {@code -f 0} every benchmark of a size shares one build. */
    private static final Map<Integer, StackAdvisor> BUILT = new HashMap<>();

    private BenchExamples examples;

    @Setup
    public void setUp() throws IOException {
        StackAdvisor advisor = BUILT.get(rules);
        if (advisor == null) {
            advisor = build();
            BUILT.put(rules, advisor);
        }
        Project project = terms >= GeneratedRuleBase.TERMS_PER_FIELD
                ? GeneratedRuleBase.longListProject("long list") : GeneratedRuleBase.project(rules, terms, terms + " terms");
        examples = BenchExamples.of(advisor, List.of(project));
        Decision decision = examples.decisions.get(0);
        System.out.printf("rules=%d terms=%d firings=%d verdict=%s json_bytes=%d%n", rules, terms,
                decision.firings().size(), decision.verdict(), decision.toJsonLine().length());
    }

    private StackAdvisor build() throws IOException {
        StackAdvisor.bundled();
        return GeneratedRuleBase.build(rules, buildNanos -> {
            String line = String.format("rules=%d build_ms=%d ms_per_rule=%.2f%n", rules, buildNanos / 1_000_000, buildNanos / 1e6 / rules);
            System.out.print(line);
            try {
                Files.createDirectories(Path.of("target", "bench"));
                Files.writeString(Path.of("target", "bench", "scaling-build.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Benchmark
    public String rawDrools() {
        return examples.rawDrools(0);
    }

    @Benchmark
    public Decision tracedDecide() {
        return examples.advisor.decide(examples.projects.get(0));
    }
}
