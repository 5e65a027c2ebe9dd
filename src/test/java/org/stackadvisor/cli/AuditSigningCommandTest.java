package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit keygen}, {@code decide --signing-key} and {@code audit verify --public-key}: a forger without the private key is caught. */
class AuditSigningCommandTest {
    @TempDir
    Path folder;

    private Path keys;
    private Path log;

    /** Given a key pair and a log of three signed decisions, each its own group of one (a decide call each). */
    @BeforeEach
    void signThreeDecisions() {
        keys = folder.resolve("keys");
        CommandRun keygen = CommandRun.of("audit", "keygen", keys.toString());
        assertThat(keygen.exitCode).as(keygen.toString()).isZero();
        log = folder.resolve("decisions.jsonl");
        for (String facts : List.of("facts/live-chat.json", "facts/ml-fraud-detection.json", "facts/almost-empty.json")) {
            CommandRun decide = CommandRun.of("decide", "--audit-log", log.toString(), "--signing-key", privateKey(), facts);
            assertThat(decide.exitCode).as(decide.toString()).isZero();
        }
    }

    @Test
    void whenKeygenRuns_thenItWritesAPemPairWhosePrivateHalfOnlyItsOwnerCanRead() throws IOException {
        assertThat(Files.readString(keys.resolve("audit-key"))).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Files.readString(keys.resolve("audit-key.pub"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("audit-key")))).isEqualTo("rw-------");
    }

    @Test
    void whenKeygenFindsAKey_thenItExits74AndOverwritesNothing() throws IOException {
        String before = Files.readString(keys.resolve("audit-key"));
        CommandRun run = CommandRun.of("audit", "keygen", keys.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(74);
        assertThat(run.err).contains(keys.resolve("audit-key") + ": exists already; keygen never overwrites a key",
                "no key was written").doesNotContain("\tat ");
        assertThat(Files.readString(keys.resolve("audit-key"))).isEqualTo(before);
    }

    @Test
    void whenThreeSignedDecisionsAreVerifiedWithThePublicKey_thenAllSignaturesAreValid() {
        CommandRun run = CommandRun.of("audit", "verify", log.toString(), "--public-key", publicKey());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("ok 3 records (last hash ").contains("signatures: all 3 valid, covering all 3 records");
    }

    @Test
    void whenVerifiedWithoutAPublicKey_thenItSaysSignaturesWereNotChecked() {
        CommandRun run = CommandRun.of("audit", "verify", log.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("signatures: not checked (no --public-key); 3 signatures covering 3 of 3 records");
    }

    @Test
    void whenRecord2IsEditedAndEveryHashAfterItRecomputed_thenOnlyTheSignatureCatchesItNamingLine2() throws IOException {
        CommandRun run = verifyAfterForgingAVerdict(2);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains(log + ":2: signature does not match: the record was forged or edited without the private key",
                "not ok: 1 intact record before line 2");
    }

    @Test
    void whenAForgedRecordIsAppendedWithTheRightPreviousHash_thenVerifyWithTheKeyExits1() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.add(lines.get(2));
        Files.write(log, AuditLogEdits.rechain(lines));
        CommandRun run = CommandRun.of("audit", "verify", log.toString(), "--public-key", publicKey());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains(log + ":4: signature does not match");
    }

    @Test
    void whenAnUnsignedRecordIsAppended_thenVerifyWithTheKeyExits1NamingIt() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.add(AuditLogEdits.unsigned(lines.get(2)));
        Files.write(log, AuditLogEdits.rechain(lines));
        CommandRun run = CommandRun.of("audit", "verify", log.toString(), "--public-key", publicKey());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains(log + ":4: unsigned record at the end of the log: no signed record follows it, so no"
                + " signature covers it", "not ok: 3 intact records before line 4");
    }

    @Test
    void whenABatchIsLoggedWithASigningKey_thenItsGroupsEndSignedAndVerifyWithTheKeyPasses() throws Exception {
        // given every example three times over as a batch
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.addAll(BatchDecideTest.exampleLines());
        }
        Path input = Files.write(folder.resolve("in.jsonl"), lines);
        Path batchLog = folder.resolve("batch.jsonl");
        // when it is decided on two threads into a signed log
        CommandRun batch = CommandRun.of("decide", "--batch", input.toString(), "--threads", "2", "--audit-log",
                batchLog.toString(), "--signing-key", privateKey(), "--actor", "batch-job");
        // then the log holds the printed decisions, its last record is signed, and every record is covered by a valid signature
        assertThat(batch.exitCode).as(batch.toString()).isZero();
        List<String> records = Files.readAllLines(batchLog);
        assertThat(records).hasSize(lines.size()).allSatisfy(record -> assertThat(record).contains("\"actor\":\"batch-job\""));
        assertThat(records.get(records.size() - 1)).contains("\"signature\":\"");
        long signatures = records.stream().filter(record -> record.contains("\"signature\":\"")).count();
        CommandRun run = CommandRun.of("audit", "verify", batchLog.toString(), "--public-key", publicKey());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("ok " + lines.size() + " records",
                "signatures: all " + signatures + " valid, covering all " + lines.size() + " records");
    }

    @Test
    void whenSeveralFilesAreDecidedAtOnce_thenOnlyTheLastRecordOfTheirGroupIsSigned() throws IOException {
        // when three files are decided with one decide call after the three single ones
        CommandRun decide = CommandRun.of("decide", "--audit-log", log.toString(), "--signing-key", privateKey(),
                "facts/live-chat.json", "facts/ml-fraud-detection.json", "facts/almost-empty.json");
        // then records 4 and 5 are covered by the signature of record 6
        assertThat(decide.exitCode).as(decide.toString()).isZero();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).extracting(line -> line.contains("\"signature\":\"")).containsExactly(true, true, true, false, false, true);
        CommandRun run = CommandRun.of("audit", "verify", log.toString(), "--public-key", publicKey());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("ok 6 records", "signatures: all 4 valid, covering all 6 records");
        assertThat(CommandRun.of("audit", "verify", log.toString()).out)
                .contains("signatures: not checked (no --public-key); 4 signatures covering 6 of 6 records");
    }

    @Test
    void whenARecordInsideASignedGroupIsEditedAndTheChainRecomputed_thenVerifyNamesTheGroupsLines() throws IOException {
        // given a group of three records, lines 4 to 6, after the three single ones
        CommandRun decide = CommandRun.of("decide", "--audit-log", log.toString(), "--signing-key", privateKey(),
                "facts/live-chat.json", "facts/ml-fraud-detection.json", "facts/almost-empty.json");
        assertThat(decide.exitCode).as(decide.toString()).isZero();
        // when record 5, unsigned inside the group, is edited and every hash after it recomputed
        CommandRun run = verifyAfterForgingAVerdict(5);
        // then the group's signature fails, naming the lines it covers
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains(log + ":4: the signature on line 6 does not match, and it covers lines 4 to 6, signed"
                + " together as one group: a record among them was forged or edited without the private key",
                "not ok: 3 intact records before line 4");
    }

    @Test
    void whenAForgedUnsignedRecordIsAppended_thenTheNextSignedDecideExits74AndLeavesTheLogUnchanged() throws IOException {
        // given a forger's record appended with the right previousHash, unsigned
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.add(AuditLogEdits.unsigned(lines.get(2)));
        Files.write(log, AuditLogEdits.rechain(lines));
        byte[] forged = Files.readAllBytes(log);
        // when the genuine writer decides with its key
        CommandRun run = CommandRun.of("decide", "--audit-log", log.toString(), "--signing-key", privateKey(), "facts/live-chat.json");
        // then its signature does not come to cover the forged record: it refuses, names the line, and gives no decision
        assertThat(run.exitCode).as(run.toString()).isEqualTo(74);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains(log + ":4:", "line 4 is not signed: it was appended without the signing key",
                "audit verify " + log + " --public-key", "no decision was given").doesNotContain("\tat ");
        assertThat(Files.readAllBytes(log)).isEqualTo(forged);
    }

    @Test
    void whenTheLastRecordWasSignedByAnotherKey_thenASignedDecideIsRefused() throws IOException {
        // given a second key pair
        Path otherKeys = folder.resolve("other-keys");
        assertThat(CommandRun.of("audit", "keygen", otherKeys.toString()).exitCode).isZero();
        byte[] before = Files.readAllBytes(log);
        // when a decision is appended with it to the log the first key signs
        CommandRun run = CommandRun.of("decide", "--audit-log", log.toString(), "--signing-key",
                otherKeys.resolve("audit-key").toString(), "facts/live-chat.json");
        // then it is refused, naming the last line, and the log is unchanged
        assertThat(run.exitCode).as(run.toString()).isEqualTo(74);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains(log + ":3:", "line 3 is not signed by this signing key: it was signed with another key");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
    }

    @Test
    void whenTheLastRecordIsEditedWithoutRecomputingItsHash_thenASignedDecideIsRefused() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(2, lines.get(2).replace("\"actor\":\"", "\"actor\":\"x"));
        Files.write(log, lines);
        CommandRun run = CommandRun.of("decide", "--audit-log", log.toString(), "--signing-key", privateKey(), "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(74);
        assertThat(run.err).contains(log + ":3:", "line 3 was edited: its content does not match its hash");
        assertThat(Files.readAllLines(log)).isEqualTo(lines);
    }

    @Test
    void whenAnUnsignedLogIsVerifiedWithTheKey_thenItFailsAsUnsignedAndASignedDecideDoesNotContinueIt() throws IOException {
        Path unsigned = Files.copy(Path.of("src/test/resources/fixtures/audit/previous-format.jsonl"), folder.resolve("old.jsonl"));
        CommandRun run = CommandRun.of("audit", "verify", unsigned.toString(), "--public-key", publicKey());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains(unsigned + ":1: unsigned log: no record carries a signature", "not ok: 0 intact records before line 1");
        CommandRun decide = CommandRun.of("decide", "--audit-log", unsigned.toString(), "--signing-key", privateKey(), "facts/live-chat.json");
        assertThat(decide.exitCode).as(decide.toString()).isEqualTo(74);
        assertThat(decide.err).contains(unsigned + ":3:", "line 3 is not signed", "start a new log");
    }

    @Test
    void whenASignedLogIsAppendedToWithoutTheKey_thenDecideExits74AndTheLogStaysVerifiable() throws IOException {
        byte[] before = Files.readAllBytes(log);
        CommandRun run = CommandRun.of("decide", "--audit-log", log.toString(), "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(74);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains(log + ":3:", "line 3 is signed: this log is signed", "--signing-key");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
    }

    @Test
    void whenTheSigningKeyIsThePublicKey_thenDecideExits74SayingSoAndGivesNoDecision() {
        CommandRun run = CommandRun.of("decide", "--audit-log", folder.resolve("other.jsonl").toString(), "--signing-key",
                publicKey(), "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(74);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains(publicKey() + ": holds a public key: the signing key is the private key (audit-key)")
                .doesNotContain("\tat ");
        assertThat(folder.resolve("other.jsonl")).doesNotExist();
    }

    @Test
    void whenTheSigningKeyIsGivenWithoutAnAuditLog_thenUsageError() {
        CommandRun run = CommandRun.of("decide", "--signing-key", privateKey(), "facts/live-chat.json");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--signing-key works with --audit-log only");
    }

    @Test
    void whenThePublicKeyIsMissing_thenVerifyExits3NamingIt() {
        CommandRun run = CommandRun.of("audit", "verify", log.toString(), "--public-key", folder.resolve("none.pub").toString());
        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).contains("none.pub: no such file").doesNotContain("\tat ");
    }

    /**
     * Turns record {@code line}'s python verdict into nodejs and recomputes every hash after it,
     * checks that the chain alone holds, and returns {@code audit verify} with the public key.
     */
    private CommandRun verifyAfterForgingAVerdict(int line) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(line - 1, lines.get(line - 1).replace("\"verdict\":\"python\"", "\"verdict\":\"nodejs\""));
        Files.write(log, AuditLogEdits.rechain(lines));
        assertThat(CommandRun.of("audit", "verify", log.toString()).exitCode).as("the chain alone holds").isZero();
        return CommandRun.of("audit", "verify", log.toString(), "--public-key", publicKey());
    }

    private String privateKey() {
        return keys.resolve("audit-key").toString();
    }

    private String publicKey() {
        return keys.resolve("audit-key.pub").toString();
    }
}
