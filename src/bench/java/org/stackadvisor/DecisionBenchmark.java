package org.stackadvisor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.stackadvisor.internal.engine.DecisionRun;

/**
 * One decision on the bundled rule base, four ways side by side, each invocation taking the next
 * example of {@code facts/} in turn: (a) the logic hand-written in Java, (b) raw Drools without
 * listeners, (c) {@link StackAdvisor#decide(Project)} with validation, hashes and the full trace,
 * (d) rendering a decision as JSON, and (e) the traced decide with its verdict's robustness read; plus the traced run alone, without validation, to show
 * where the cost of (c) over (b) goes. Run it with {@code bench/run}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class DecisionBenchmark {
    private BenchExamples examples;
    private int next;

    @Setup
    public void setUp() {
        examples = BenchExamples.bundled(Path.of("facts"));
    }

    private int nextExample() {
        int example = next;
        next = example + 1 == examples.size() ? 0 : example + 1;
        return example;
    }

    @Benchmark
    public HandWrittenDecision a_handWrittenJava() {
        return examples.handWritten(nextExample());
    }

    @Benchmark
    public String b_rawDrools() {
        return examples.rawDrools(nextExample());
    }

    @Benchmark
    public Decision c_tracedDecide() {
        return examples.advisor.decide(examples.projects.get(nextExample()));
    }

    /**
     * The traced decide and then every conclusion's proof, every firing and the input's hash built,
     * as a reader of the whole trace pays.
     */
    @Benchmark
    public int c3_decideAndReadProofs() {
        Decision decision = examples.advisor.decide(examples.projects.get(nextExample()));
        return decision.conclusions().size() + decision.firings().size() + decision.inputSha256().length();
    }

    /**
     * The traced decide and then the verdict's robustness under the manifest's family of other
     * weightings (computed when first read), as {@code decide}'s text and JSON read it.
     */
    @Benchmark
    public String e_decideAndRobustness() {
        return examples.advisor.decide(examples.projects.get(nextExample())).robustness().summary();
    }

    @Benchmark
    public Decision c2_tracedRunOnly() {
        return DecisionRun.decide(examples.ruleBase, examples.facts.get(nextExample()), examples.firingLimit);
    }

    @Benchmark
    public String d_renderJson() {
        return examples.decisions.get(nextExample()).toJson();
    }

    @Benchmark
    public String d2_renderJsonLine() {
        return examples.decisions.get(nextExample()).toJsonLine();
    }
}
