package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breaks the DRL files at random and loads the copy: it either compiles, and then decides the
 * examples or fails as an invalid rule base, or it is rejected with an {@link
 * InvalidRuleBaseException} whose problems name the file and line. Never another exception.
 * {@code -Ddrl.fuzz.mutations=N} sets the count (default 16).
 */
class DrlMutationFuzzTest {
    private static final List<Path> EXAMPLES = List.of(Path.of("facts/live-chat.json"), Path.of("facts/ml-fraud-detection.json"),
            Path.of("facts/trading-alerts-both-ways.json"), Path.of("facts/almost-empty.json"));

    @TempDir
    Path folder;

    @Test
    void whenADrlFileIsBroken_thenLoadingReportsFileAndLineOrTheRuleBaseStillDecides() {
        AtomicInteger rejected = new AtomicInteger();
        DrlMutations.fuzz("StackAdvisor.fromDirectory", Integer.getInteger("drl.fuzz.mutations", 16), folder, (rules, mutation) -> {
            StackAdvisor advisor;
            try {
                advisor = StackAdvisor.fromDirectory(rules);
            } catch (InvalidRuleBaseException e) {
                rejected.incrementAndGet();
                assertCompileErrorsNamePlaces(e, rules);
                return;
            }
            for (Path example : EXAMPLES) {
                try {
                    assertThat(advisor.decide(example).verdict()).isNotBlank();
                } catch (InvalidRuleBaseException e) {
                    assertThat(e.problems()).isNotEmpty();
                }
            }
        });
        assertThat(rejected.get()).as("mutations that broke the rule base").isPositive();
    }

    /**
     * Every problem names a file of the broken copy, and every broken DRL file has a problem with
     * its line (Drools adds a companion "Parser returned a null Package" without one).
     */
    static void assertCompileErrorsNamePlaces(InvalidRuleBaseException e, Path rules) {
        assertThat(e.problems()).isNotEmpty();
        for (Problem problem : e.problems()) {
            assertThat(problem.source()).as(problem.toString()).startsWith(rules.toString());
            if (problem.source().endsWith(".drl")) {
                assertThat(e.problems()).as("a problem with a line in " + problem.source())
                        .anySatisfy(other -> assertThat(other.toString()).startsWith(problem.source() + ":").matches("(?s)[^:]+:\\d+:\\d+: .+"));
            }
        }
    }
}
