package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;

/** The gate: every command that loads {@code --rules DIR} refuses a rule base that {@code verify} rejects, with its messages and exit 4. */
class RuleBaseGateCommandTest {
    private static final String V8_RULE = "Real-time work favours Node.js for the speed of its V8 engine";

    @TempDir
    Path temp;

    /** The bundled rules with the V8 rule's claim metadata removed: verify says "cites no claim". */
    private RulesCopy ruleCitingNoClaim() {
        return RulesCopy.of("rules", temp.resolve("rules")).replace("backstory.drl", "@claims(\"BACK-2\")", "");
    }

    @Test
    void whenDecideRunsARuleBaseCitingNoClaim_thenExit4WithVerifysMessage() {
        RulesCopy rules = ruleCitingNoClaim();
        CommandRun run = CommandRun.of("decide", "--rules", rules.toString(), "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.err).contains(rules.file("backstory.drl") + ":9:1: rule \"" + V8_RULE + "\" cites no claim",
                "stack-advisor: invalid rule base");
        assertThat(run.out).doesNotContain("Verdict");
    }

    @Test
    void whenTestRunsARuleBaseCitingAnUnknownClaim_thenExit4AndNoScenarioRuns() {
        RulesCopy rules = RulesCopy.of("rules", temp.resolve("rules")).replace("backstory.drl", "@claims(\"BACK-2\")", "@claims(\"BACK-22\")");
        CommandRun run = CommandRun.of("test", "--rules", rules.toString(), "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.err).contains("cites claim 'BACK-22', which the manifest's claim catalogue does not have; did you mean 'BACK-2'?");
        assertThat(run.out).doesNotContain("ok ");
    }

    @Test
    void whenEvidenceGoesAgainstItsClaimsLeaning_thenDecideExits4NamingTheLeaning() {
        RulesCopy rules = RulesCopy.of("rules", temp.resolve("rules")).replace("backstory.drl",
                "new Evidence(\"nodejs\", \"BACK-2\"", "new Evidence(\"python\", \"BACK-2\"");
        CommandRun run = CommandRun.of("decide", "--rules", rules.toString(), "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.err).contains("gives evidence for python under claim BACK-2, which leans to nodejs");
    }

    @Test
    void whenWhatIfAndReportRunARuleBaseVerifyRejects_thenBothExit4() {
        RulesCopy rules = ruleCitingNoClaim();
        CommandRun whatIf = CommandRun.of("whatif", "--rules", rules.toString(), "facts/live-chat.json");
        CommandRun report = CommandRun.of("report", "--rules", rules.toString(), "facts/live-chat.json",
                "--output", temp.resolve("page.html").toString());
        assertThat(whatIf.exitCode).as(whatIf.toString()).isEqualTo(4);
        assertThat(report.exitCode).as(report.toString()).isEqualTo(4);
        assertThat(whatIf.err).contains("cites no claim");
    }

    @Test
    void whenTheRuleBaseHasOnlyWarnings_thenDecideRunsIt() {
        // given a rule without @section: a warning of verify, not an error
        RulesCopy rules = RulesCopy.of("rules", temp.resolve("rules")).replace("backstory.drl", "@section(\"Backstory\") ", "");
        assertThat(CommandRun.of("verify", "--rules", rules.toString()).out).contains("verified, 0 errors, 1 warning");
        CommandRun run = CommandRun.of("decide", "--rules", rules.toString(), "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("Verdict: nodejs");
    }

    @Test
    void whenTheBundledRulesFolderIsGiven_thenDecideRunsIt() {
        CommandRun run = CommandRun.of("decide", "--rules", "rules", "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isZero();
    }
}
