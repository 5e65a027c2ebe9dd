package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Usage errors: what is wrong, a did-you-mean from the registered options and commands, where the help is; exit 2, no help text. */
class UsageErrorsCommandTest {
    @Test
    void whenAnOptionIsMisspelt_thenOneLineSaysSoWithTheOptionMeantAndAPointerToHelp() {
        CommandRun run = CommandRun.of("decide", "--fromat", "json", "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out).isEmpty();
        assertThat(run.err.lines()).hasSizeLessThanOrEqualTo(3);
        assertThat(run.err).contains("Unknown option", "'--fromat'", "Did you mean '--format'?",
                "Run 'stack-advisor decide --help' for its usage.").doesNotContain("Usage:");
    }

    @Test
    void whenACommandIsMisspelt_thenTheCommandMeantIsSuggested() {
        CommandRun run = CommandRun.of("decdie", "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).contains("'decdie'", "Did you mean 'decide'?", "Run 'stack-advisor --help'").doesNotContain("Usage:");
        assertThat(run.err.lines()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void whenLintIsAsked_thenItRunsVerifyAndAMisspeltLintSuggestsIt() {
        CommandRun lint = CommandRun.of("lint");
        assertThat(lint.exitCode).as(lint.toString()).isZero();
        assertThat(lint.out).contains("verified, 0 errors");
        CommandRun misspelt = CommandRun.of("lnit");
        assertThat(misspelt.exitCode).as(misspelt.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(misspelt.err).contains("Did you mean 'lint'?");
    }

    @Test
    void whenNothingIsClose_thenNoSuggestionIsMade() {
        CommandRun run = CommandRun.of("decide", "--zzzzzzzz", "facts/live-chat.json");
        assertThat(run.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).doesNotContain("Did you mean").contains("--help");
    }

    @Test
    void whenAParameterIsMissing_thenOneLineAndThePointerToHelp() {
        CommandRun run = CommandRun.of("decide");
        assertThat(run.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).startsWith("stack-advisor: Missing required parameter: 'FILE'\n")
                .contains("Run 'stack-advisor decide --help'").doesNotContain("Usage:");
    }
}
