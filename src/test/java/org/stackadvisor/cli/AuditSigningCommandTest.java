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

    /** Given a key pair and a log of three signed decisions. */
    @BeforeEach
    void signThreeDecisions() {
        keys = folder.resolve("keys");
        CommandRun keygen = CommandRun.of("audit", "keygen", keys.toString());
        assertThat(keygen.exitCode).as(keygen.toString()).isZero();
        log = folder.resolve("decisions.jsonl");
        CommandRun decide = CommandRun.of("decide", "--audit-log", log.toString(), "--signing-key", privateKey(),
                "facts/live-chat.json", "facts/ml-fraud-detection.json", "facts/almost-empty.json");
        assertThat(decide.exitCode).as(decide.toString()).isZero();
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
        assertThat(run.out).startsWith("ok 3 records (last hash ").contains("signatures: all 3 valid");
    }

    @Test
    void whenVerifiedWithoutAPublicKey_thenItSaysSignaturesWereNotChecked() {
        CommandRun run = CommandRun.of("audit", "verify", log.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("signatures: not checked (no --public-key); 3 signed, 0 unsigned");
    }

    @Test
    void whenRecord2IsEditedAndEveryHashAfterItRecomputed_thenOnlyTheSignatureCatchesItNamingLine2() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(1, lines.get(1).replace("\"verdict\":\"python\"", "\"verdict\":\"nodejs\""));
        Files.write(log, AuditLogEdits.rechain(lines));
        assertThat(CommandRun.of("audit", "verify", log.toString()).exitCode).isZero();
        CommandRun run = CommandRun.of("audit", "verify", log.toString(), "--public-key", publicKey());
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
        assertThat(run.out).contains(log + ":4: unsigned record, but signatures are checked");
    }

    @Test
    void whenABatchIsLoggedWithASigningKey_thenEveryRecordIsSigned() throws IOException {
        Path batchLog = folder.resolve("batch.jsonl");
        Path input = Files.writeString(folder.resolve("in.jsonl"), Files.readString(Path.of("facts/live-chat.json")).replace("\n", " ")
                + "\n" + Files.readString(Path.of("facts/almost-empty.json")).replace("\n", " ") + "\n");
        CommandRun batch = CommandRun.of("decide", "--batch", input.toString(), "--audit-log", batchLog.toString(),
                "--signing-key", privateKey(), "--actor", "batch-job");
        assertThat(batch.exitCode).as(batch.toString()).isZero();
        CommandRun run = CommandRun.of("audit", "verify", batchLog.toString(), "--public-key", publicKey());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("ok 2 records", "signatures: all 2 valid");
        assertThat(Files.readString(batchLog)).contains("\"actor\":\"batch-job\"");
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

    private String privateKey() {
        return keys.resolve("audit-key").toString();
    }

    private String publicKey() {
        return keys.resolve("audit-key.pub").toString();
    }
}
