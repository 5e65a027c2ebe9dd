package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stackadvisor.RulesCopy;

/** A rule whose consequence throws, even a StackOverflowError or OutOfMemoryError: exit 4 "rule X failed", no trace. */
class ThrowingRuleCommandTest {
    @TempDir
    Path folder;

    private Path rulesWith(String consequence) throws Exception {
        Path copy = RulesCopy.into(folder);
        Files.writeString(copy.resolve("throws.drl"), String.join("\n",
                "package org.stackadvisor.rules;",
                "import org.stackadvisor.internal.facts.Characteristic;",
                "function int deeper(int n) { return deeper(n + 1) + 1; }",
                "rule \"Real-time work breaks\" @section(\"Backstory\") @claims(\"BACK-2\")",
                "when",
                "    Characteristic( name == \"real-time\" )",
                "then",
                "    " + consequence,
                "end", ""));
        return copy;
    }

    private static void assertRuleFailed(CommandRun run, String cause) {
        assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.INVALID_RULES);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("rule \"Real-time work breaks\" failed: " + cause, "stack-advisor: a rule failed (1 problem)")
                .doesNotContain("\tat ", "invalid rule base", "internal error");
        assertThat(run.err.lines()).hasSizeLessThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "if (true) { throw new IllegalStateException(\"boom\"); } | IllegalStateException: boom       | a RuntimeException",
        "deeper(0);                                                 | StackOverflowError               | a StackOverflowError",
        "if (true) { throw new OutOfMemoryError(\"Java heap space\"); } | OutOfMemoryError: Java heap space | an OutOfMemoryError"})
    void whenARuleConsequenceThrows_thenExit4NamingTheRuleAndTheCauseWithNoTrace(String consequence, String cause, String what)
            throws Exception {
        Path rules = rulesWith(consequence);
        assertRuleFailed(CommandRun.of("decide", "--rules", rules.toString(), "facts/live-chat.json"), cause);
    }

    @Test
    void whenARuleThrowsInABatch_thenTheLineGetsAnErrorRecordNamingTheRule() throws Exception {
        Path rules = rulesWith("if (true) { throw new IllegalStateException(\"boom\"); }");
        Path batch = folder.resolve("b.jsonl");
        Files.writeString(batch, "{\"name\": \"x\", \"traits\": [\"real-time\"]}\n");
        CommandRun run = CommandRun.of("decide", "--rules", rules.toString(), "--batch", batch.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.INVALID_FACTS);
        assertThat(run.out).contains("\"error\":\"a rule failed\"", "rule \\\"Real-time work breaks\\\" failed: IllegalStateException: boom");
    }
}
