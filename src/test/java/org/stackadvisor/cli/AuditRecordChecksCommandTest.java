package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code audit verify} checks beyond the chain, on records whose hashes were all recomputed:
 * the record schema, times, input hashes; who, when and with what each record names; anchors;
 * and that a log of the previous format still verifies.
 */
class AuditRecordChecksCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PREVIOUS_FORMAT = Path.of("src/test/resources/fixtures/audit/previous-format.jsonl");

    @TempDir
    Path folder;

    private Path log;

    /** Given a log of two decisions. */
    @BeforeEach
    void writeLog() {
        log = folder.resolve("decisions.jsonl");
        CommandRun run = CommandRun.of("decide", "--audit-log", log.toString(), "--actor", "carol", "facts/live-chat.json",
                "facts/ml-fraud-detection.json");
        assertThat(run.exitCode).as(run.toString()).isZero();
    }

    @Test
    void whenADecisionIsLogged_thenItsRecordNamesTheToolVersionTheRuleBaseAndTheActor() throws IOException {
        JsonNode record = JSON.readTree(Files.readAllLines(log).get(0));
        assertThat(record.get("actor").asText()).isEqualTo("carol");
        assertThat(record.get("rules").asText()).isEqualTo("bundled");
        assertThat(record.get("toolVersion").asText()).isNotBlank();
        Path other = folder.resolve("folder.jsonl");
        assertThat(CommandRun.of("decide", "--rules", "rules", "--audit-log", other.toString(), "facts/live-chat.json").exitCode).isZero();
        JsonNode fromFolder = JSON.readTree(Files.readAllLines(other).get(0));
        assertThat(fromFolder.get("rules").asText()).isEqualTo(Path.of("rules").toAbsolutePath().toString());
        assertThat(fromFolder.get("actor").asText()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void whenTheDecisionIsEmptyAndTheHashesRecomputed_thenVerifyFailsOnTheSchema() throws IOException {
        String problem = verifyAfterEditing(1, line -> line.replaceFirst("\"decision\":\\{.*}(,\"hash\")", "\"decision\":{}$1"));
        assertThat(problem).contains(log + ":2: not an audit record: decision.conclusions is required, a list");
    }

    @Test
    void whenTheTimeIsNotATime_thenVerifyFailsNamingIt() throws IOException {
        String problem = verifyAfterEditing(0, line -> line.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"yesterday\""));
        assertThat(problem).contains(log + ":1: not an audit record: time 'yesterday' is not an ISO-8601 UTC time");
    }

    @Test
    void whenTimesGoBackwards_thenVerifyFailsOnTheLaterRecord() throws IOException {
        String problem = verifyAfterEditing(1, line -> line.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"2020-01-01T00:00:00Z\""));
        assertThat(problem).contains(log + ":2: time goes backwards: 2020-01-01T00:00:00Z is before the time of the record before it");
    }

    @Test
    void whenTheStoredFactsNoLongerMatchTheInputHash_thenVerifyFailsNamingBothHashes() throws IOException {
        String problem = verifyAfterEditing(0, line -> line.replace("\"traits\":[\"chat\",", "\"traits\":["));
        assertThat(problem).contains(log + ":1: input hash does not match: the stored facts hash to ");
    }

    @Test
    void whenAnUnknownFieldIsAdded_thenVerifyFailsNamingIt() throws IOException {
        String problem = verifyAfterEditing(0, line -> line.replaceFirst("^\\{", "{\"note\":\"x\","));
        assertThat(problem).contains(log + ":1: not an audit record: unknown field 'note'");
    }

    @Test
    void whenALogOfThePreviousFormatIsVerified_thenItPassesAsUnsignedRecords() {
        CommandRun run = CommandRun.of("audit", "verify", PREVIOUS_FORMAT.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("ok 3 records (last hash ").contains("signatures: not checked (no --public-key); 0 signatures covering 0 of 3 records");
        CommandRun list = CommandRun.of("audit", "list", PREVIOUS_FORMAT.toString());
        assertThat(list.exitCode).as(list.toString()).isZero();
        assertThat(list.out).contains("1  2026-12-03T13:27:49.207Z  -  Support-desk live chat  nodejs");
    }

    @Test
    void whenAHeadIsTakenAndTwoMoreDecisionsAppended_thenExpectHeadPasses() {
        CommandRun head = CommandRun.of("audit", "head", log.toString());
        assertThat(head.exitCode).as(head.toString()).isZero();
        String hash = head.out.strip();
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(CommandRun.of("decide", "--audit-log", log.toString(), "facts/live-chat.json", "facts/almost-empty.json")
                .exitCode).isZero();
        CommandRun run = CommandRun.of("audit", "verify", log.toString(), "--expect-head", hash);
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("ok 4 records", "head " + hash + " found on line 2: it and every record before it are unchanged");
    }

    @Test
    void whenTheFirstRecordIsDeletedAndTheChainRecomputed_thenExpectHeadExits1() throws IOException {
        String hash = CommandRun.of("audit", "head", log.toString()).out.strip();
        assertThat(CommandRun.of("decide", "--audit-log", log.toString(), "facts/live-chat.json").exitCode).isZero();
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.remove(0);
        Files.write(log, AuditLogEdits.rechain(lines));
        assertThat(CommandRun.of("audit", "verify", log.toString()).exitCode).isZero();
        CommandRun run = CommandRun.of("audit", "verify", log.toString(), "--expect-head", hash);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains(log + ": the anchored record " + hash + " is not in the log: it, or records before it,"
                + " were rewritten or removed");
    }

    @Test
    void whenExpectHeadIsNotAHash_thenUsageError() {
        CommandRun run = CommandRun.of("audit", "verify", log.toString(), "--expect-head", "abc");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--expect-head takes a record hash: 64 hexadecimal digits");
    }

    /** Edits one line, recomputes every hash, and returns what verify prints (it must exit 1). */
    private String verifyAfterEditing(int index, java.util.function.UnaryOperator<String> edit) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        String edited = edit.apply(lines.get(index));
        assertThat(edited).isNotEqualTo(lines.get(index));
        lines.set(index, edited);
        Files.write(log, AuditLogEdits.rechain(lines));
        CommandRun run = CommandRun.of("audit", "verify", log.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        return run.out;
    }
}
