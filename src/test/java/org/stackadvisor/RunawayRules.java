package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * The runaway fixture, a rule base whose rules fire forever (fixtures/runaway-rules: the real
 * manifest and a DRL that derives a verdict at once and then counts without end), and the
 * assertion that a command or API call stopped it at the firing limit. For reuse by every
 * command that runs rules:
 * <pre>{@code
 * CommandRun run = CommandRun.of("decide", "--rules", RunawayRules.FIXTURE.toString(), "facts/live-chat.json");
 * RunawayRules.assertFiringLimitError(run.err, RunawayRules.DEFAULT_FIRING_LIMIT);
 * }</pre>
 */
public final class RunawayRules {
    public static final Path FIXTURE = Path.of("src/test/resources/fixtures/runaway-rules");
    /** The default limit for the fixture's four rules: 1,000 plus 100 per rule. */
    public static final int DEFAULT_FIRING_LIMIT = 1_400;

    /** The two rules that feed each other forever. */
    private static final String BUSIEST = "Every count is written down|Every written count asks for the next one";

    private RunawayRules() {
    }

    /** {@code text} (an exception message or a command's error output) reports the runaway at {@code firingLimit}. */
    public static void assertFiringLimitError(String text, int firingLimit) {
        assertThat(text)
                .contains(FIXTURE + ": the rules fired more than " + firingLimit + " times without settling, so no verdict was given;")
                .containsPattern("the rules that fired most: \"(" + BUSIEST + ")\" \\(\\d{2,} times\\), \"(" + BUSIEST + ")\" \\(\\d{2,} times\\), "
                        + "\"Counting starts at zero\" \\(1 times\\)")
                .contains("\"Every count is written down\"", "\"Every written count asks for the next one\"");
    }
}
