package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;

class DecideCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void whenAnExampleIsDecided_thenTheTextShowsVerdictScoresReasonsAndClaims() {
        CommandRun run = CommandRun.of("decide", "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("Support-desk live chat", "Verdict: nodejs", "Scores:  nodejs ", "Reasons:",
                "[UC-3]", "Chat and streaming platforms are the real-time data-heavy web work Node.js is best at", "Caveats:",
                "Rule base: sha256:");
        // one reason per vote: real-time work is one signal said three times, weighed once with its takeaway's weight and reason
        assertThat(run.out).contains("    +3 nodejs: For a real-time solution the article's performance advice is Node.js\n"
                + "        [PF-T1] For a real-time solution, go with Node.js. (weight 3: ",
                "        rule: Real-time work favours Node.js for the speed of its V8 engine; Real-time work favours Node.js on performance;"
                + " Chat and streaming platforms are the real-time data-heavy web work Node.js is best at\n",
                "  Tensions: none", "  Not weighed:\n", "    - libraries react: the article names React for UI, not for the back end\n",
                "  Robustness: the verdict holds under all ");
        assertThat(run.out).containsOnlyOnce("[UC-3]");
        assertThat(run.err).isEmpty();
    }

    @Test
    void whenJsonIsAskedFor_thenTheOutputFollowsTheContract() throws Exception {
        CommandRun run = CommandRun.of("decide", "--format", "json", "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isZero();
        JsonNode decision = JSON.readTree(run.out);
        assertThat(decision.get("project").asText()).isEqualTo("Support-desk live chat");
        assertThat(decision.get("verdict").asText()).isEqualTo("nodejs");
        assertThat(decision.get("scores").get("nodejs").isInt()).isTrue();
        assertThat(decision.get("scores").has("python")).isTrue();
        JsonNode conclusion = decision.get("conclusions").get(1);
        assertThat(conclusion.has("kind") && conclusion.has("text") && conclusion.has("claims") && conclusion.has("rule")).isTrue();
        JsonNode firing = decision.get("firings").get(0);
        assertThat(firing.get("seq").asInt()).isEqualTo(1);
        Stream.of("rule", "section", "claims", "matched", "inserted").forEach(key -> assertThat(firing.has(key)).as(key).isTrue());
        assertThat(decision.get("knowledgeBase").get("sha256").asText()).hasSize(64);
        assertThat(decision.get("knowledgeBase").get("name").asText()).isEqualTo("node-vs-python");
        assertThat(decision.get("input").get("sha256").asText()).hasSize(64);
        assertThat(decision.get("input").get("facts").get("traits").toString()).isEqualTo("[\"chat\",\"io-bound\",\"real-time\"]");
    }

    @Test
    void whenSeveralFilesAreDecidedAsJson_thenTheOutputIsAnArrayInArgumentOrder() throws Exception {
        CommandRun run = CommandRun.of("decide", "--format", "json", "facts/live-chat.json", "facts/ml-fraud-detection.json");
        assertThat(run.exitCode).as(run.toString()).isZero();
        JsonNode decisions = JSON.readTree(run.out);
        assertThat(decisions.isArray()).isTrue();
        assertThat(decisions.get(0).get("verdict").asText()).isEqualTo("nodejs");
        assertThat(decisions.get(1).get("verdict").asText()).isEqualTo("python");
    }

    @Test
    void whenATermIsMisspelled_thenExit3WithFieldTermAndSuggestionAndNoStackTrace() throws Exception {
        Path file = folder.resolve("typo.json");
        Files.writeString(file, "{\"name\": \"x\", \"traits\": [\"real-tim\"]}");
        CommandRun run = CommandRun.of("decide", file.toString());
        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains(file + ":1:26: $.traits[0]: unknown term 'real-tim'", "did you mean 'real-time'?");
        assertThat(run.err).doesNotContain("Exception", "\tat ");
    }

    @Test
    void whenOneOfSeveralFilesIsInvalid_thenTheOthersAreDecidedAndPrintedAndTheBadOneIsListedWithExit3() throws Exception {
        Path file = folder.resolve("bad.json");
        Files.writeString(file, "{\"name\": 1}");
        CommandRun run = CommandRun.of("decide", "facts/live-chat.json", file.toString(), "facts/ml-fraud-detection.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        assertThat(run.out).contains("Support-desk live chat", "Verdict: nodejs", "Verdict: python");
        assertThat(run.err).contains(file + ":1:10: $.name: 'name' must be non-empty text",
                "stack-advisor: invalid facts in 1 of 3 files, the others decided (1 problem)");
    }

    @Test
    void whenOneOfSeveralFilesIsInvalidAsJson_thenTheArrayHoldsAnErrorEntryAtItsPlace() throws Exception {
        Path file = folder.resolve("bad.json");
        Files.writeString(file, "{\"name\": 1}");
        CommandRun run = CommandRun.of("decide", "--format", "json", "facts/live-chat.json", file.toString(),
                "facts/ml-fraud-detection.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        JsonNode array = JSON.readTree(run.out);
        assertThat(array.size()).isEqualTo(3);
        assertThat(array.get(0).get("verdict").asText()).isEqualTo("nodejs");
        assertThat(array.get(1).get("file").asText()).isEqualTo(file.toString());
        assertThat(array.get(1).get("error").asText()).isEqualTo("invalid facts");
        assertThat(array.get(1).get("problems").get(0).get("message").asText()).contains("'name' must be non-empty text");
        assertThat(array.get(1).get("problems").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(array.get(2).get("verdict").asText()).isEqualTo("python");
        CommandRun decided = CommandRun.of("decide", "--format", "json", "facts/live-chat.json");
        assertThat(array.get(0)).isEqualTo(JSON.readTree(decided.out));
    }

    @Test
    void whenSeveralFilesWithABadOneAreLogged_thenTheLogHoldsExactlyThePrintedDecisions() throws Exception {
        Path bad = folder.resolve("bad.json");
        Files.writeString(bad, "{\"name\": 1}");
        Path log = folder.resolve("log.jsonl");
        CommandRun run = CommandRun.of("decide", "--format", "json", "--audit-log", log.toString(), bad.toString(),
                "facts/live-chat.json", bad.toString(), "facts/ml-fraud-detection.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        JsonNode array = JSON.readTree(run.out);
        java.util.List<String> printed = new java.util.ArrayList<>();
        array.forEach(entry -> {
            if (entry.has("verdict")) {
                printed.add(entry.get("input").get("sha256").asText());
            }
        });
        java.util.List<String> logged = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            logged.add(JSON.readTree(line).get("decision").get("input").get("sha256").asText());
        }
        assertThat(logged).hasSize(2).isEqualTo(printed);
    }

    @Test
    void whenTheAuditLogCannotBeWritten_thenExit74NamingTheCauseAndNothingPrinted() throws Exception {
        Path log = Files.createDirectory(folder.resolve("a-folder.jsonl"));
        CommandRun run = CommandRun.of("decide", "--audit-log", log.toString(), "facts/live-chat.json", "facts/ml-fraud-detection.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(74);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains(log.toString(), "cannot append the records of 2 decisions", "the audit log cannot be written")
                .doesNotContain("invalid rule base", "\tat ");
    }

    @Test
    void whenTheFileIsMissing_thenExit3NamingIt() {
        CommandRun run = CommandRun.of("decide", "no/such/file.json");
        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).contains("no/such/file.json: no such file");
    }

    @Test
    void whenNoFileIsGiven_thenExit2WithUsage() {
        CommandRun run = CommandRun.of("decide");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("Missing required parameter", "--help");
    }

    @Test
    void whenAnOptionIsUnknown_thenExit2() {
        CommandRun run = CommandRun.of("decide", "--colour", "facts/live-chat.json");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("Unknown option: '--colour'");
    }

    @Test
    void whenNoCommandIsGiven_thenExit2() {
        assertThat(CommandRun.of().exitCode).isEqualTo(2);
    }

    @Test
    void whenHelpIsAsked_thenExitCodesAreListed() {
        CommandRun run = CommandRun.of("--help");
        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("Exit codes:", "0", "2", "3", "4", "invalid facts", "invalid rule base");
    }

    @Test
    void whenTheRulesFolderIsACopy_thenItDecidesTheSame() throws Exception {
        Path copy = RulesCopy.into(folder);
        CommandRun bundled = CommandRun.of("decide", "--format", "json", "facts/live-chat.json");
        CommandRun fromCopy = CommandRun.of("decide", "--format", "json", "--rules", copy.toString(), "facts/live-chat.json");
        assertThat(fromCopy.exitCode).as(fromCopy.toString()).isZero();
        assertThat(fromCopy.out).isEqualTo(bundled.out);
    }

    @Test
    void whenARuleDoesNotCompile_thenExit4NamingFileAndLine() throws Exception {
        Path copy = RulesCopy.into(folder);
        Path drl = copy.resolve("backstory.drl");
        Files.writeString(drl, Files.readString(drl).replace("Characteristic( name == \"real-time\" )", "Characteristic( nme == \"real-time\" )"));
        CommandRun run = CommandRun.of("decide", "--rules", copy.toString(), "facts/live-chat.json");
        assertThat(run.exitCode).isEqualTo(4);
        assertThat(run.err).contains(copy.resolve("backstory.drl") + ":");
        assertThat(run.err).doesNotContain("\tat ");
    }

    @Test
    void whenTheRulesFolderIsMissing_thenExit4() {
        CommandRun run = CommandRun.of("decide", "--rules", folder.resolve("none").toString(), "facts/live-chat.json");
        assertThat(run.exitCode).isEqualTo(4);
        assertThat(run.err).contains("no such folder");
    }

    @Test
    void whenTheManifestIsBroken_thenExit4WithItsLine() throws Exception {
        Path copy = RulesCopy.into(folder);
        Path manifest = copy.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"margin\": 2", "\"margin\": \"two\""));
        CommandRun run = CommandRun.of("decide", "--rules", copy.toString(), "facts/live-chat.json");
        assertThat(run.exitCode).isEqualTo(4);
        assertThat(run.err).containsPattern("manifest\\.json:\\d+:\\d+: \\$\\.decision\\.margin: expected a whole number");
    }

    @Test
    void whenTheMarginIsZero_thenExit4BecauseTiedCandidatesWouldBothWin() throws Exception {
        Path copy = RulesCopy.into(folder);
        Path manifest = copy.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"margin\": 2", "\"margin\": 0"));
        CommandRun run = CommandRun.of("decide", "--rules", copy.toString(), "facts/almost-empty.json");
        assertThat(run.exitCode).isEqualTo(4);
        assertThat(run.err).contains("$.decision.margin: expected a whole number of at least 1");
    }

    @Test
    void whenAProjectNameHasTerminalControls_thenTextOutputShowsThemEscaped() throws Exception {
        Path file = folder.resolve("escape.json");
        Files.writeString(file, "{\"name\": \"evil\\u001b[31mred\"}");
        CommandRun run = CommandRun.of("decide", file.toString());
        assertThat(run.exitCode).isZero();
        assertThat(run.out).doesNotContain("\u001b").contains("evil\\u001b[31mred");
    }

}
