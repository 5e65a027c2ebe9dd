package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.audit.AuditLog;

/** {@code decide --audit-log} writes a hash chain; {@code audit verify} accepts it untouched and pins any tampering. */
class AuditCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Path log;

    /** Given a log of four decisions made by two runs of the command. */
    @BeforeEach
    void writeLog() {
        log = folder.resolve("decisions.jsonl");
        CommandRun first = CommandRun.of("decide", "--audit-log", log.toString(), "facts/live-chat.json", "facts/ml-fraud-detection.json");
        CommandRun second = CommandRun.of("decide", "--format", "json", "--audit-log", log.toString(),
                "facts/warehouse-robot.json", "facts/almost-empty.json");
        assertThat(first.exitCode).as(first.toString()).isZero();
        assertThat(second.exitCode).as(second.toString()).isZero();
    }

    @Test
    void whenTheLogIsUntouched_thenVerifySaysOkWithTheNumberOfRecords() throws IOException {
        CommandRun run = CommandRun.of("audit", "verify", log.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("ok 4 records (last hash ");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(4);
        JsonNode first = JSON.readTree(lines.get(0));
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(first.get("seq").asInt()).isEqualTo(1);
        assertThat(first.get("previousHash").asText()).isEqualTo(AuditLog.GENESIS);
        assertThat(second.get("previousHash").asText()).isEqualTo(first.get("hash").asText());
        assertThat(first.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(first.get("decision").get("project").asText()).isEqualTo("Support-desk live chat");
        assertThat(first.get("decision").get("conclusions").get(0).has("proof")).isTrue();
    }

    @Test
    void whenOneByteOfAnEarlierRecordIsChanged_thenVerifyPinsThatRecordAndExits1() throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        int second = indexOfLine(bytes, 2);
        int at = indexOf(bytes, "Warehouse".getBytes(StandardCharsets.UTF_8), indexOfLine(bytes, 3));
        assertThat(at).isPositive();
        bytes[at] = 'w';
        Files.write(log, bytes);
        CommandRun run = CommandRun.of("audit", "verify", log.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains(log + ":3: record edited: its content does not match its hash", "not ok: 2 intact records before line 3");
        assertThat(second).isPositive();
    }

    @Test
    void whenAByteOfTheFirstRecordsHashIsChanged_thenVerifyPinsLine1() throws IOException {
        String text = Files.readString(log);
        int hash = text.indexOf("\"hash\":\"") + 8;
        char flipped = text.charAt(hash) == 'a' ? 'b' : 'a';
        Files.writeString(log, text.substring(0, hash) + flipped + text.substring(hash + 1));
        CommandRun run = CommandRun.of("audit", "verify", log.toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).contains(log + ":1: record edited");
    }

    @Test
    void whenARecordIsDeleted_thenVerifyPinsTheRecordAfterTheGap() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.remove(1);
        Files.write(log, lines);
        CommandRun run = CommandRun.of("audit", "verify", log.toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).contains(log + ":2: record 3 is on line 2: the record(s) before it were removed");
    }

    @Test
    void whenRecordsAreReordered_thenVerifyPinsTheFirstOutOfPlace() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.add(1, lines.remove(2));
        Files.write(log, lines);
        CommandRun run = CommandRun.of("audit", "verify", log.toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).contains(log + ":2: record 3 is on line 2");
    }

    @Test
    void whenTheLastLineIsCut_thenVerifyReportsItTornAndDecideRefusesToAppend() throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        Files.write(log, Arrays.copyOf(bytes, bytes.length - 40));
        CommandRun run = CommandRun.of("audit", "verify", log.toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.out).contains(log + ":4: torn record: the last line has no line end", "not ok: 3 intact records");
        // and a decision asked to be logged there fails loudly, naming the log, and prints no verdict
        CommandRun decide = CommandRun.of("decide", "--audit-log", log.toString(), "facts/live-chat.json");
        assertThat(decide.exitCode).isEqualTo(74);
        assertThat(decide.out).isEmpty();
        assertThat(decide.err).contains(log.toString(), "torn record").doesNotContain("\tat ");
    }

    @Test
    void whenTheLogCannotBeWritten_thenDecideFailsNamingTheLogFile() {
        Path unwritable = folder.resolve("no-such-folder").resolve("decisions.jsonl");
        CommandRun run = CommandRun.of("decide", "--audit-log", unwritable.toString(), "facts/live-chat.json");
        assertThat(run.exitCode).isEqualTo(74);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains(unwritable.toString(), "cannot append the decision's record", "no decision was given")
                .doesNotContain("\tat ");
    }

    @Test
    void whenTheLogsFolderIsARegularFile_thenDecideExits74NamingTheLogAndPrintsNoDecision() throws IOException {
        Path unwritable = Files.writeString(folder.resolve("not-a-folder"), "a file").resolve("decisions.jsonl");
        CommandRun run = CommandRun.of("decide", "--audit-log", unwritable.toString(), "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(74);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains(unwritable.toString(), "cannot append the decision's record", "no decision was given")
                .doesNotContain("\tat ");
    }

    @Test
    void whenTheLogIsOnAFullDevice_thenDecideExits74WithNoSpaceLeftAndPrintsNoDecision() {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "Linux's always-full device");
        CommandRun run = CommandRun.of("decide", "--format", "json", "--audit-log", "/dev/full", "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(74);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("/dev/full", "No space left on device", "no decision was given").doesNotContain("\tat ");
    }

    @Test
    void whenTheLogIsMissing_thenVerifyExits3() {
        CommandRun run = CommandRun.of("audit", "verify", folder.resolve("missing.jsonl").toString());
        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).contains("missing.jsonl: no such file");
    }

    @Test
    void whenAuditIsGivenNoSubcommand_thenUsageError() {
        assertThat(CommandRun.of("audit").exitCode).isEqualTo(2);
    }

    private static int indexOfLine(byte[] bytes, int line) {
        int seen = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (seen == line) {
                return i;
            }
            if (bytes[i] == '\n') {
                seen++;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = Math.max(from, 0); i <= bytes.length - part.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(bytes, i, i + part.length), part)) {
                return i;
            }
        }
        return -1;
    }
}
