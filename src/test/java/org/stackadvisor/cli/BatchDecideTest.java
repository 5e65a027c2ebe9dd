package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.StackAdvisor;

class BatchDecideTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Path batchFile(List<String> lines) throws Exception {
        Path file = folder.resolve("projects.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    /** Every example facts file as one compact JSON line, in file name order. */
    static List<String> exampleLines() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().collect(Collectors.toList())) {
                lines.add(JSON.readTree(file.toFile()).toString());
            }
        }
        return lines;
    }

    private static List<JsonNode> records(String out) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String line : out.split("\n", -1)) {
            if (!line.isEmpty()) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    @Test
    void whenABatchIsDecided_thenEachLineGetsTheSameDecisionAsItsFileInInputOrder() throws Exception {
        // given every example as one line
        List<String> lines = exampleLines();
        // when the batch is decided
        CommandRun run = CommandRun.of("decide", "--batch", batchFile(lines).toString());
        // then each output line is one compact decision, equal to deciding that file alone
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.out).endsWith("\n");
        String[] outLines = run.out.split("\n");
        assertThat(outLines).hasSize(lines.size());
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            List<Path> sorted = files.filter(path -> path.toString().endsWith(".json")).sorted().collect(Collectors.toList());
            for (int i = 0; i < sorted.size(); i++) {
                CommandRun single = CommandRun.of("decide", "--format", "json", sorted.get(i).toString());
                assertThat(JSON.readTree(outLines[i])).as(sorted.get(i).toString()).isEqualTo(JSON.readTree(single.out));
            }
        }
    }

    @Test
    void whenSomeLinesAreBad_thenEachGetsAnErrorRecordWithItsLineNumberAndTheBatchGoesOnToExit3() throws Exception {
        // given a good line, a misspelled term, a line that is not JSON, a blank line and a good line
        List<String> lines = List.of("{\"name\": \"first\", \"traits\": [\"chat\", \"real-time\"]}",
                "{\"name\": \"typo\", \"traits\": [\"real-tim\"]}",
                "{\"name\": ",
                "",
                "{\"name\": \"last\", \"needs\": [\"machine-learning\"]}");
        // when the batch is decided
        CommandRun run = CommandRun.of("decide", "--batch", batchFile(lines).toString(), "--format", "json");
        // then the bad lines are error records naming their line, the good ones are decided, in order
        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        List<JsonNode> records = records(run.out);
        assertThat(records).hasSize(4);
        assertThat(records.get(0).get("project").asText()).isEqualTo("first");
        assertThat(records.get(1).get("line").asInt()).isEqualTo(2);
        assertThat(records.get(1).get("error").asText()).isEqualTo("invalid facts");
        JsonNode problem = records.get(1).get("problems").get(0);
        assertThat(problem.get("path").asText()).isEqualTo("$.traits[0]");
        assertThat(problem.get("column").asInt()).isEqualTo(29);
        assertThat(problem.get("message").asText()).contains("unknown term 'real-tim'", "did you mean 'real-time'?");
        assertThat(records.get(2).get("line").asInt()).isEqualTo(3);
        assertThat(records.get(2).get("problems")).isNotEmpty();
        assertThat(records.get(3).get("project").asText()).isEqualTo("last");
        assertThat(records.get(3).get("verdict").asText()).isEqualTo("python");
        assertThat(run.err).contains("2 of 4 lines failed").doesNotContain("Exception", "\tat ");
    }

    @Test
    void whenTheInputIsLargerThanTheWindow_thenEveryLineIsDecidedInInputOrder() throws Exception {
        // given more lines than the window of lines in flight (2 threads x 64)
        int count = 2 * BatchDecider.WINDOW_PER_THREAD * 3 + 7;
        List<String> lines = IntStream.range(0, count)
                .mapToObj(i -> "{\"name\": \"project " + i + "\", \"traits\": [\"" + (i % 2 == 0 ? "chat" : "high-load") + "\"]}")
                .collect(Collectors.toList());
        // when it is decided on 2 threads
        CommandRun run = CommandRun.of("decide", "--batch", batchFile(lines).toString(), "--threads", "2");
        // then every line comes out once, in input order
        assertThat(run.exitCode).as(run.err).isZero();
        List<JsonNode> records = records(run.out);
        assertThat(records).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(records.get(i).get("project").asText()).isEqualTo("project " + i);
        }
    }

    @Test
    void whenTheWindowIsSmallAndThreadsMany_thenOrderHoldsAndOneThreadGivesTheSameBytes() throws Exception {
        // given a decider that keeps at most 3 lines in flight
        StackAdvisor advisor = StackAdvisor.bundled();
        String input = IntStream.range(0, 40).mapToObj(i -> "{\"name\": \"p" + i + "\", \"systemSize\": \"small\"}")
                .collect(Collectors.joining("\r\n"));
        // when it runs on 4 threads and on 1 thread
        StringWriter many = new StringWriter();
        BatchDecider.Summary summary = new BatchDecider(advisor, 4, 3, 1000).run(new StringReader(input), "in", many, null);
        StringWriter one = new StringWriter();
        new BatchDecider(advisor, 1, 1, 1000).run(new StringReader(input), "in", one, null);
        // then both write the same lines, in order
        assertThat(summary.lines).isEqualTo(40);
        assertThat(summary.failed).isZero();
        assertThat(many.toString()).isEqualTo(one.toString());
        List<JsonNode> records = records(many.toString());
        assertThat(records.get(39).get("project").asText()).isEqualTo("p39");
    }

    @Test
    void whenALineFailsUnexpectedly_thenEveryLineBeforeItIsWrittenAndTheFailureIsRaised() throws Exception {
        // given an advisor whose listener breaks on project p25, and a window of 8 lines waited for by halves
        StackAdvisor advisor = StackAdvisor.builder().listener(decision -> {
            if (decision.project().equals("p25")) {
                throw new IllegalStateException("listener broke");
            }
        }).build();
        String input = IntStream.range(0, 40).mapToObj(i -> "{\"name\": \"p" + i + "\"}").collect(Collectors.joining("\n"));
        StringWriter out = new StringWriter();
        // when the batch runs into it
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                new BatchDecider(advisor, 2, 8, 1000).run(new StringReader(input), "in", out, null));
        // then the failure comes out after exactly the 25 lines before it, in order
        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("listener broke");
        List<JsonNode> records = records(out.toString());
        assertThat(records).hasSize(25);
        for (int i = 0; i < 25; i++) {
            assertThat(records.get(i).get("project").asText()).isEqualTo("p" + i);
        }
    }

    @Test
    void whenALineIsLongerThanTheLimit_thenItIsAnErrorRecordAndTheNextLineIsDecided() throws Exception {
        String longLine = "{\"name\": \"" + "x".repeat(500) + "\"}";
        StringWriter out = new StringWriter();
        BatchDecider.Summary summary = new BatchDecider(StackAdvisor.bundled(), 2, 4, 100)
                .run(new StringReader(longLine + "\n{\"name\": \"short\"}\n"), "in", out, new PrintWriter(new StringWriter()));
        List<JsonNode> records = records(out.toString());
        assertThat(summary.failed).isEqualTo(1);
        assertThat(records.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(records.get(0).get("problems").get(0).get("message").asText()).contains("longer than 100 characters");
        assertThat(records.get(1).get("project").asText()).isEqualTo("short");
    }

    @Test
    void whenTheBatchFileIsMissing_thenExit3NamingIt() {
        CommandRun run = CommandRun.of("decide", "--batch", "no/such/file.jsonl");
        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("no/such/file.jsonl: no such file");
    }

    @Test
    void whenBatchIsMisused_thenExit2WithTheReason() throws Exception {
        Path file = batchFile(List.of("{\"name\": \"x\"}"));
        assertThat(CommandRun.of("decide", "--batch", file.toString(), "--threads", "0").err).contains("--threads must be at least 1");
        assertThat(CommandRun.of("decide", "--batch", file.toString(), "facts/live-chat.json").exitCode).isEqualTo(2);
        assertThat(CommandRun.of("decide", "--threads", "2", "facts/live-chat.json").err).contains("--threads works with --batch only");
        CommandRun text = CommandRun.of("decide", "--batch", file.toString(), "--format", "text");
        assertThat(text.exitCode).isEqualTo(2);
        assertThat(text.err).contains("--batch writes JSON Lines");
    }

    @Test
    void whenTheAuditLogOfABatchCannotBeWritten_thenExit74NamingTheCauseNotAnInvalidRuleBase() throws Exception {
        Path file = batchFile(List.of("{\"name\": \"x\"}", "{\"name\": \"y\"}"));
        Path log = Files.createDirectory(folder.resolve("a-folder.jsonl"));
        CommandRun run = CommandRun.of("decide", "--batch", file.toString(), "--audit-log", log.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(74);
        assertThat(run.out).isEmpty();
        // the first group holds the first line, or both when the second was decided as soon
        assertThat(run.err).containsAnyOf("cannot append the decision's record", "cannot append the records of 2 decisions");
        assertThat(run.err).contains(log.toString(), "the audit log cannot be written")
                .doesNotContain("invalid rule base", "\tat ");
    }

    @Test
    void whenABatchIsLoggedOnManyThreads_thenTheLogHoldsExactlyThePrintedDecisionsInTheirOrder() throws Exception {
        // given every example, a bad line among them, and four threads
        List<String> lines = new ArrayList<>(exampleLines());
        lines.add(3, "{\"name\": \"bad\", \"traits\": [\"real-tim\"]}");
        Path log = folder.resolve("decisions.jsonl");
        // when the batch is decided with an audit log
        CommandRun run = CommandRun.of("decide", "--batch", batchFile(lines).toString(), "--threads", "4", "--audit-log", log.toString());
        // then the log holds one record per printed decision, in the order they were printed, and none for the bad line
        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        List<String> printed = records(run.out).stream().filter(record -> !record.has("error"))
                .map(record -> record.path("project").asText()).collect(Collectors.toList());
        List<String> logged = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            logged.add(JSON.readTree(line).path("decision").path("project").asText());
        }
        assertThat(printed).hasSize(lines.size() - 1);
        assertThat(logged).isEqualTo(printed);
        assertThat(CommandRun.of("audit", "verify", log.toString()).exitCode).isZero();
    }

    @Test
    void whenSummaryLinesAreAsked_thenEachProjectIsOneLineUnder1KbWithVerdictScoresClaimsTensionsAndHashes() throws Exception {
        List<String> lines = new ArrayList<>(exampleLines());
        lines.add("{\"name\": \"" + "very long name ".repeat(400).strip() + "\", \"traits\": [\"real-tim\"]}");
        lines.add("{\"name\": \"" + "\u6771".repeat(3000) + "\", \"traits\": [\"real-time\"]}");
        CommandRun run = CommandRun.of("decide", "--batch", batchFile(lines).toString(), "--format", "summary");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        List<String> out = run.out.lines().collect(Collectors.toList());
        assertThat(out).hasSameSizeAs(lines);
        for (String line : out) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThan(1024);
        }
        JsonNode chat = records(run.out).stream().filter(record -> record.path("project").asText().equals("Support-desk live chat"))
                .findFirst().orElseThrow();
        JsonNode full = JSON.readTree(CommandRun.of("decide", "--format", "json", "facts/live-chat.json").out);
        assertThat(chat.get("verdict")).isEqualTo(full.get("verdict"));
        assertThat(chat.get("scores")).isEqualTo(full.get("scores"));
        assertThat(chat.get("weighed").get("nodejs").toString()).contains("PF-T1", "UC-3");
        assertThat(chat.get("tensions").isArray()).isTrue();
        assertThat(chat.get("input").asText()).isEqualTo("sha256:" + full.get("input").get("sha256").asText());
        assertThat(chat.get("ruleBase").asText()).isEqualTo("sha256:" + full.get("knowledgeBase").get("sha256").asText());
        assertThat(records(run.out).get(lines.size() - 2).get("error").asText()).isEqualTo("invalid facts");
        assertThat(CommandRun.of("decide", "--format", "summary", "facts/live-chat.json").exitCode).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void whenStandardErrorIsATerminal_thenProgressIsShownWhateverStandardOutputIs() throws Exception {
        Path tty = Files.createSymbolicLink(folder.resolve("fd2"), Path.of("/dev/pts/0"));
        Path file = Files.createSymbolicLink(folder.resolve("fd2-file"), folder.resolve("err.txt"));
        assertThat(Terminal.isTerminal(tty)).isTrue();
        assertThat(Terminal.isTerminal(file)).isFalse();
        assertThat(Terminal.isTerminal(folder.resolve("missing"))).isFalse();
    }
}
