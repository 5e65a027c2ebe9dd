package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;
import org.stackadvisor.authoring.Scenario;

/** {@code test}: scenarios from facts files and expectations, one line each, a diff with the trace for failures. */
class TestCommandTest {
    @TempDir
    Path temp;

    private RulesCopy facts() {
        RulesCopy facts = RulesCopy.of("facts", temp.resolve("facts"));
        RulesCopy.of("facts/expected", temp.resolve("facts/expected"));
        return facts;
    }

    /** How many examples {@code facts/} holds: each one is a scenario. */
    private static final int EXAMPLES = Scenario.discover(Path.of("facts")).size();

    @Test
    void whenTheExamplesAreTested_thenEveryScenarioPassesAndExit0() {
        // given facts/ and its expectations; when
        CommandRun run = CommandRun.of("test");
        // then one line per scenario
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("ok   live-chat (nodejs)", "ok   almost-empty (either)", EXAMPLES + " scenarios: " + EXAMPLES + " passed, 0 failed");
        assertThat(run.out.lines().filter(line -> line.startsWith("ok   ")).count()).isEqualTo(EXAMPLES);
    }

    @Test
    void whenAnExpectationIsBroken_thenExit1WithAReadableDiffAndTheEvidence() {
        // given the live chat expected to go to Python
        RulesCopy facts = facts();
        facts.replace("expected/live-chat.json", "\"verdict\": \"nodejs\"", "\"verdict\": \"python\"");
        // when
        CommandRun run = CommandRun.of("test", facts.toString());
        // then the failure shows expected and actual, the scores and the evidence behind them
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("FAIL live-chat", "    - verdict python", "    + verdict nodejs",
                "scores: nodejs ", "evidence:",
                "+3 nodejs [PF-T1, BACK-2, UC-3] For a real-time solution the article's performance advice is Node.js"
                + " (rule \"Real-time work favours Node.js for the speed of its V8 engine\")",
                EXAMPLES + " scenarios: " + (EXAMPLES - 1) + " passed, 1 failed");
        assertThat(run.out).contains("ok   video-streaming");
        assertThat(run.out).containsPattern("verdict: expected python but was nodejs \\(scores nodejs \\d+, python \\d+\\)")
                .doesNotContain("{nodejs=");
    }

    @Test
    void whenAnAbsentClaimFires_thenTheDiffShowsTheFiringThatCitesIt() {
        RulesCopy facts = facts();
        facts.replace("expected/live-chat.json", "\"absentClaims\": [\n", "\"absentClaims\": [\n    \"UC-4\",\n");
        CommandRun run = CommandRun.of("test", facts.file("live-chat.json").toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("claim UC-4: expected no rule citing it to fire", "    - no rule citing UC-4 fires",
                "\"I/O-bound work without heavy processing favours Node.js\" [UC-4] matched", "1 scenario: 0 passed, 1 failed");
    }

    @Test
    void whenAnExpectedRuleNameIsMisspelt_thenTheDiffSuggestsTheRightOne() {
        RulesCopy facts = facts();
        facts.replace("expected/live-chat.json", "\"caveats\": []",
                "\"caveats\": [], \"rules\": [\"Express in the stack favour Node.js\"]");
        CommandRun run = CommandRun.of("test", facts.file("live-chat.json").toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).contains("the rule base has no rule of that name; did you mean 'Express in the stack favours Node.js'?");
    }

    @Test
    void whenAnExpectationsFileIsInvalid_thenExit3NamingTheFileAndKey() {
        RulesCopy facts = facts();
        facts.replace("expected/live-chat.json", "\"caveats\"", "\"caveat\"");
        CommandRun run = CommandRun.of("test", facts.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        assertThat(run.out).contains("ERR  live-chat");
        assertThat(run.err).contains(facts.file("expected/live-chat.json") + ":19:3:", "unknown key 'caveat'", "did you mean 'caveats'?");
    }

    @Test
    void whenTestIsAskedForJson_thenEachScenarioHasItsVerdictAndFailures() {
        RulesCopy facts = facts();
        facts.replace("expected/live-chat.json", "\"verdict\": \"nodejs\"", "\"verdict\": \"python\"");
        CommandRun run = CommandRun.of("test", facts.file("live-chat.json").toString(), facts.file("video-streaming.json").toString(),
                "--format", "json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("\"scenarios\" : 2", "\"passed\" : 1", "\"failed\" : 1", "\"name\" : \"live-chat\"",
                "\"verdict\" : \"nodejs\"", "verdict: expected python but was nodejs");
        assertThat(run.out).doesNotContain("FAIL live-chat");
    }

    @Test
    void whenTestAsJsonMeetsAMissingFile_thenItIsAProblemAndExit3() {
        CommandRun run = CommandRun.of("test", temp.resolve("nowhere.json").toString(), "--format", "json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        assertThat(run.out).contains("\"invalid\" : 1", "no such file or folder");
    }

    /** {@code test} on the live chat example after one edit of its expectations. */
    private CommandRun testLiveChatWithExpectation(String from, String to) {
        RulesCopy facts = facts();
        facts.replace("expected/live-chat.json", from, to);
        return CommandRun.of("test", facts.file("live-chat.json").toString());
    }

    @Test
    void whenExpectationsStateScores_thenTheyAreCheckedWithADiff() {
        CommandRun run = testLiveChatWithExpectation("\"verdict\": \"nodejs\",",
                "\"verdict\": \"nodejs\", \"scores\": {\"nodejs\": 10, \"python\": 1},");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("score of python: expected 1 but was 0", "- score python 1", "+ score python 0");
        assertThat(run.out).doesNotContain("score of nodejs");
    }

    @Test
    void whenExpectedScoresNameAnUnknownCandidate_thenExit3WithTheCandidateItMeant() {
        CommandRun run = testLiveChatWithExpectation("\"verdict\": \"nodejs\",", "\"verdict\": \"nodejs\", \"scores\": {\"pyhton\": 0},");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        assertThat(run.err).contains("$.scores.pyhton: unknown candidate 'pyhton' in", "did you mean 'python'?");
    }
}
