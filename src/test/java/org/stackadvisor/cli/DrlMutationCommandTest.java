package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.DrlMutations;

/**
 * {@code decide --rules} on randomly broken copies of the rules: it decides (exit 0) or reports
 * an invalid rule base (exit 4) with the file and line of each compile error; never an internal
 * error or a stack trace. {@code -Ddrl.fuzz.commands=N} sets the count (default 8).
 */
class DrlMutationCommandTest {
    @TempDir
    Path folder;

    @Test
    void whenDecideLoadsABrokenRuleBase_thenItExits4WithFileAndLineOrDecides() {
        DrlMutations.fuzz("decide --rules", Integer.getInteger("drl.fuzz.commands", 8), folder, (rules, mutation) -> {
            CommandRun run = CommandRun.of("decide", "--rules", rules.toString(), "facts/live-chat.json");
            assertThat(run.exitCode).as(run.toString()).isIn(ExitCodes.OK, ExitCodes.INVALID_RULES);
            assertThat(run.err).as(run.toString()).doesNotContain("\tat ", "internal error", "Stack trace")
                    .doesNotContainPattern(" at [a-z]+\\.[\\w.$]+\\(\\w+\\.java:\\d+\\)");
            if (run.exitCode == ExitCodes.INVALID_RULES) {
                assertThat(run.out).isEmpty();
                assertThat(run.err).as(run.toString())
                        .containsPattern("stack-advisor: invalid rule base \\(\\d+ problems?\\)\n$")
                        .containsPattern("(" + java.util.regex.Pattern.quote(rules.toString()) + "/[\\w.-]+\\.drl:\\d+:\\d+: )"
                                + "|(the rules derived)|(fired more than)");
            }
        });
    }
}
