package org.stackadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.Decision;
import org.stackadvisor.RulesCopy;
import org.stackadvisor.StackAdvisor;

/** The signed audit log as an embedding application uses it: {@link AuditLog#builder}, {@link AuditKeys}, {@link AuditLog#verify(Path, PublicKey, String)}. */
class AuditLogSigningTest {
    @TempDir
    Path folder;

    @Test
    void whenTheApiLogSignsWithAKey_thenVerifyWithItsPublicKeyPassesAndWithAnotherKeyFails() throws Exception {
        AuditKeys.generate(folder);
        Path log = folder.resolve("log.jsonl");
        AuditLog auditLog = AuditLog.builder(log).signingKey(AuditKeys.readPrivateKey(folder.resolve(AuditKeys.PRIVATE_KEY_FILE)))
                .actor("service").rulesDirectory(Path.of("rules")).build();
        StackAdvisor advisor = StackAdvisor.builder().listener(auditLog).build();
        advisor.decide(Path.of("facts/live-chat.json"));
        advisor.decide(Path.of("facts/almost-empty.json"));

        AuditVerification checked = AuditLog.verify(log, AuditKeys.readPublicKey(folder.resolve(AuditKeys.PUBLIC_KEY_FILE)), null);
        assertThat(checked.ok()).as(checked.toString()).isTrue();
        assertThat(checked.signaturesChecked()).isTrue();
        assertThat(checked.signedRecords()).isEqualTo(2);

        PublicKey other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        AuditVerification wrongKey = AuditLog.verify(log, other, null);
        assertThat(wrongKey.line()).isEqualTo(1);
        assertThat(wrongKey.problem()).startsWith("signature does not match");

        List<AuditRecord> records = new ArrayList<>();
        AuditLog.read(log, records::add);
        assertThat(records).extracting(AuditRecord::actor).containsExactly("service", "service");
        assertThat(records.get(0).rules()).isEqualTo(Path.of("rules").toAbsolutePath().toString());
        assertThat(records.get(1).hash()).isEqualTo(checked.lastHash());
        assertThat(records.get(0).signed()).isTrue();
    }

    @Test
    void whenDecisionsAreAppendedAsOneGroup_thenOnlyTheLastIsSignedAndItsSignatureCoversThemAll() {
        // given a signing log with one record, and three decisions of an advisor that has no listener
        AuditKeys.generate(folder);
        Path log = folder.resolve("log.jsonl");
        AuditLog auditLog = AuditLog.builder(log).signingKey(AuditKeys.readPrivateKey(folder.resolve(AuditKeys.PRIVATE_KEY_FILE))).build();
        StackAdvisor advisor = StackAdvisor.bundled();
        auditLog.decided(advisor.decide(Path.of("facts/almost-empty.json")));
        List<Decision> decisions = List.of(advisor.decide(Path.of("facts/live-chat.json")),
                advisor.decide(Path.of("facts/ml-fraud-detection.json")), advisor.decide(Path.of("facts/almost-empty.json")));
        // when they are appended as one group
        auditLog.decidedAll(decisions);
        // then they follow in order, only the group's last record carries a signature, and verify with the key passes
        List<AuditRecord> records = new ArrayList<>();
        AuditLog.read(log, records::add);
        assertThat(records).extracting(AuditRecord::project).containsExactly("Internal tool with nothing known yet", "Support-desk live chat",
                "Card fraud detection with machine learning", "Internal tool with nothing known yet");
        assertThat(records).extracting(AuditRecord::signed).containsExactly(true, false, false, true);
        PublicKey publicKey = AuditKeys.readPublicKey(folder.resolve(AuditKeys.PUBLIC_KEY_FILE));
        AuditVerification checked = AuditLog.verify(log, publicKey, null);
        assertThat(checked.ok()).as(checked.toString()).isTrue();
        assertThat(checked.signedRecords()).isEqualTo(2);
        assertThat(checked.coveredRecords()).isEqualTo(4);
        // and an empty group appends nothing
        auditLog.decidedAll(List.of());
        assertThat(AuditLog.verify(log, publicKey, null).records()).isEqualTo(4);
    }

    @Test
    void whenTheLogsLastRecordIsUnsigned_thenASigningLogRefusesTheGroupNamingTheLine() throws Exception {
        AuditKeys.generate(folder);
        Path log = folder.resolve("log.jsonl");
        new AuditLog(log).decided(StackAdvisor.bundled().decide(Path.of("facts/live-chat.json")));
        byte[] before = Files.readAllBytes(log);
        AuditLog signing = AuditLog.builder(log).signingKey(AuditKeys.readPrivateKey(folder.resolve(AuditKeys.PRIVATE_KEY_FILE))).build();
        Decision decision = StackAdvisor.bundled().decide(Path.of("facts/almost-empty.json"));
        assertThatThrownBy(() -> signing.decidedAll(List.of(decision, decision))).isInstanceOf(AuditLogException.class)
                .hasMessageContaining(log + ":1:").hasMessageContaining("line 1 is not signed");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
    }

    @Test
    void whenTheAdvisorReadsItsRulesFromAFolder_thenEachRecordNamesThatFolderWithoutBeingTold() {
        // given a copy of the rules, and one log shared by an advisor on it and one on the bundled rules
        Path copy = RulesCopy.into(folder);
        Path log = folder.resolve("log.jsonl");
        AuditLog auditLog = new AuditLog(log);
        // when each decides with the log as its listener
        StackAdvisor.builder().rulesDirectory(copy).listener(auditLog).build().decide(Path.of("facts/live-chat.json"));
        StackAdvisor.builder().listener(auditLog).build().decide(Path.of("facts/live-chat.json"));
        // then each record names the rule base that made its decision; the builder's folder still overrides
        AuditLog.builder(log).rulesDirectory(Path.of("elsewhere")).build().decided(StackAdvisor.bundled().decide(Path.of("facts/live-chat.json")));
        List<AuditRecord> records = new ArrayList<>();
        AuditLog.read(log, records::add);
        assertThat(records).extracting(AuditRecord::rules).containsExactly(copy.toAbsolutePath().normalize().toString(),
                AuditLog.BUNDLED, Path.of("elsewhere").toAbsolutePath().normalize().toString());
    }

    @Test
    void whenTheHeadIsGivenWithSha256Before_thenItIsFoundAtItsLine() {
        Path log = folder.resolve("log.jsonl");
        StackAdvisor advisor = StackAdvisor.builder().listener(new AuditLog(log)).build();
        advisor.decide(Path.of("facts/live-chat.json"));
        String head = AuditLog.verify(log).lastHash();
        advisor.decide(Path.of("facts/almost-empty.json"));
        AuditVerification anchored = AuditLog.verify(log, null, "sha256:" + head.toUpperCase());
        assertThat(anchored.ok()).as(anchored.toString()).isTrue();
        assertThat(anchored.headLine()).isEqualTo(1);
    }

    @Test
    void whenAKeyFileIsNotAKey_thenReadingItNamesTheFile() throws Exception {
        Path notAKey = Files.writeString(folder.resolve("audit-key"), "hello");
        assertThatThrownBy(() -> AuditKeys.readPrivateKey(notAKey)).isInstanceOf(AuditLogException.class)
                .hasMessageContaining(notAKey + ": is not a PEM key file (no '-----BEGIN PRIVATE KEY-----' line)");
    }

    @Test
    void whenTheSigningKeyIsNotEd25519_thenTheBuilderRefusesIt() throws Exception {
        java.security.PrivateKey rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        assertThatThrownBy(() -> AuditLog.builder(folder.resolve("log.jsonl")).signingKey(rsa))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Ed25519 private key");
    }
}
