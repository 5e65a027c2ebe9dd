package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stackadvisor.RunawayRules;

/** {@code decide} on rules that never settle: exit 4 with the firing-limit error, and no verdict printed. */
class RunawayCommandTest {
    private static final String RUNAWAY = RunawayRules.FIXTURE.toString();

    @Test
    void whenTheRulesNeverSettle_thenDecideExits4WithTheFiringLimitErrorAndNoVerdict() {
        CommandRun run = CommandRun.of("decide", "--rules", RUNAWAY, "facts/live-chat.json");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).isEmpty();
        RunawayRules.assertFiringLimitError(run.err, RunawayRules.DEFAULT_FIRING_LIMIT);
        assertThat(run.err).endsWith("stack-advisor: the rules exceeded the firing limit of " + RunawayRules.DEFAULT_FIRING_LIMIT
                + " (1 problem)\n").doesNotContain("\tat ", "invalid rule base");
    }

    @Test
    void whenTheFiringLimitIsGiven_thenTheRunawayStopsThere() {
        CommandRun run = CommandRun.of("decide", "--firing-limit", "25", "--format", "json", "--rules", RUNAWAY, "facts/live-chat.json");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).isEmpty();
        RunawayRules.assertFiringLimitError(run.err, 25);
    }

    @Test
    void whenTheBundledRulesGetTooFewFirings_thenDecideExits4() {
        CommandRun run = CommandRun.of("decide", "--firing-limit", "3", "facts/live-chat.json");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("bundled:: the rules fired more than 3 times without settling, so no verdict was given;");
    }

    @Test
    void whenTheFiringLimitIsEnoughForTheRules_thenDecideDecides() {
        CommandRun run = CommandRun.of("decide", "--firing-limit", "500", "facts/live-chat.json");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("Verdict: nodejs");
    }

    @Test
    void whenTheFiringLimitIsNotPositive_thenExit2() {
        CommandRun run = CommandRun.of("decide", "--firing-limit", "0", "facts/live-chat.json");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("--firing-limit must be at least 1, not 0");
    }
}
