package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
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

    @Test
    void whenADrlFileEndsInsideAPattern_thenTheParserFailureIsReportedWithItsPlaceAndNoStackTrace() throws Exception {
        Path rules = DrlMutations.copyRules(folder.resolve("cut"));
        Path drl = rules.resolve("use-cases.drl");
        String text = Files.readString(drl);
        String cut = text.substring(0, text.indexOf("Term( fi") + "Term( fi".length());
        Files.writeString(drl, cut);
        int lines = (int) cut.lines().count();

        InvalidRuleBaseException e = catchThrowableOfType(
                () -> StackAdvisor.fromDirectory(rules), InvalidRuleBaseException.class);

        assertCompileErrorsNamePlaces(e, rules);
        assertThat(e.problems()).anySatisfy(problem -> assertThat(problem.toString())
                .startsWith(drl + ":" + lines + ":").contains("unexpected exception at input '<eof>'"));
    }

    /** Every problem names a file of the broken copy, and every problem of a DRL file names its line. */
    static void assertCompileErrorsNamePlaces(InvalidRuleBaseException e, Path rules) {
        assertThat(e.problems()).isNotEmpty();
        for (Problem problem : e.problems()) {
            assertThat(problem.source()).as(problem.toString()).startsWith(rules.toString());
            assertThat(problem.message()).as(problem.toString()).doesNotContain("Stack trace", "Exception:")
                    .doesNotContainPattern(" at [a-z]+\\.[\\w.$]+\\(\\w+\\.java:\\d+\\)");
            if (problem.source().endsWith(".drl")) {
                assertThat(problem.line()).as(problem.toString()).isPositive();
            }
        }
    }
}
