package org.stackadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.Decision;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.json.Hashing;
import org.stackadvisor.internal.json.Json;

/** The audit log as an embedding application uses it: a listener of the advisor. */
class AuditLogTest {
    @TempDir
    Path folder;

    @Test
    void whenAnAdvisorHasAnAuditLog_thenEachDecisionIsRecordedWithTheClocksTimeBeforeItIsReturned() throws Exception {
        Path file = folder.resolve("log.jsonl");
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);
        StackAdvisor advisor = StackAdvisor.builder().listener(new AuditLog(file, clock)).build();
        Decision decision = advisor.decide(Path.of("facts/live-chat.json"));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("{\"seq\":1,\"time\":\"2026-01-02T03:04:05.678Z\",\"previousHash\":\"" + AuditLog.GENESIS
                + "\",\"toolVersion\":\"" + StackAdvisor.toolVersion() + "\",\"rules\":\"bundled\",\"actor\":\""
                + System.getProperty("user.name") + "\",\"decision\":{\"project\":\"Support-desk live chat\"");
        assertThat(lines.get(0)).contains(Json.write(Access.root().toMap(decision), false));
        assertThat(AuditLog.verify(file).ok()).isTrue();
    }

    @Test
    void whenSeveralThreadsDecideIntoOneLog_thenEveryRecordIsWholeAndTheChainHolds() throws Exception {
        Path file = folder.resolve("log.jsonl");
        StackAdvisor advisor = StackAdvisor.builder().listener(new AuditLog(file)).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Decision>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String example = i % 2 == 0 ? "facts/live-chat.json" : "facts/ml-fraud-detection.json";
                futures.add(pool.submit(() -> advisor.decide(Path.of(example))));
            }
            for (Future<Decision> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditVerification verification = AuditLog.verify(file);
        assertThat(verification.ok()).as(verification.toString()).isTrue();
        assertThat(verification.records()).isEqualTo(12);
    }

    @Test
    void whenTheLogCannotBeWritten_thenTheDecisionFailsWithTheLogFileNamed() {
        Path file = folder.resolve("missing-folder").resolve("log.jsonl");
        StackAdvisor advisor = StackAdvisor.builder().listener(new AuditLog(file)).build();
        assertThatThrownBy(() -> advisor.decide(Path.of("facts/live-chat.json")))
                .isInstanceOf(AuditLogException.class)
                .satisfies(e -> assertThat(((AuditLogException) e).problems().get(0).source()).isEqualTo(file.toString()));
    }

    @Test
    void whenTheFileIsClosedUnderTheWriterMidRecord_thenTheDecisionFailsAndThePartRecordIsRemoved() {
        Path file = folder.resolve("log.jsonl");
        StackAdvisor.builder().listener(new AuditLog(file)).build().decide(Path.of("facts/live-chat.json"));
        StackAdvisor closing = StackAdvisor.builder()
                .listener(new AuditLog(file, Clock.systemUTC(), FaultyChannel.opening(FaultyChannel::close)))
                .build();

        AuditLogException failure = catchThrowableOfType(() -> closing.decide(Path.of("facts/live-chat.json")), AuditLogException.class);

        assertThat(failure).as("the decision failed").isNotNull();
        assertThat(failure.problems().get(0).source()).isEqualTo(file.toString());
        assertThat(failure.getMessage()).contains("ClosedChannelException", "the partly written record was removed");
        assertThat(AuditLog.verify(file).toString()).isEqualTo("ok 1 records");
        StackAdvisor.builder().listener(new AuditLog(file)).build().decide(Path.of("facts/live-chat.json"));
        assertThat(AuditLog.verify(file).toString()).as("the log takes the next record").isEqualTo("ok 2 records");
    }

    @Test
    void whenAGroupIsCutOffMidWrite_thenTheWholeGroupIsRemoved() {
        Path file = folder.resolve("log.jsonl");
        StackAdvisor advisor = StackAdvisor.bundled();
        new AuditLog(file).decided(advisor.decide(Path.of("facts/live-chat.json")));
        Decision decision = advisor.decide(Path.of("facts/almost-empty.json"));
        AuditLog closing = new AuditLog(file, Clock.systemUTC(), FaultyChannel.opening(FaultyChannel::close));

        AuditLogException failure = catchThrowableOfType(() -> closing.decidedAll(List.of(decision, decision, decision)),
                AuditLogException.class);

        assertThat(failure).as("the group failed").isNotNull();
        assertThat(failure.getMessage()).contains("cannot append the records of 3 decisions", "ClosedChannelException",
                "the partly written group of 3 records was removed");
        assertThat(AuditLog.verify(file).toString()).isEqualTo("ok 1 records");
    }

    @Test
    void whenTheLogsFolderIsARegularFile_thenTheDecisionFailsEvenForRoot() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("not-a-folder"), "a file");
        Path file = notAFolder.resolve("log.jsonl");
        StackAdvisor advisor = StackAdvisor.builder().listener(new AuditLog(file)).build();
        assertThatThrownBy(() -> advisor.decide(Path.of("facts/live-chat.json")))
                .isInstanceOf(AuditLogException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("cannot append the decision's record");
    }

    @Test
    void whenTheDeviceIsFull_thenTheDecisionFailsWithNoSpaceLeft() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "Linux's always-full device");
        StackAdvisor advisor = StackAdvisor.builder().listener(new AuditLog(full)).build();
        assertThatThrownBy(() -> advisor.decide(Path.of("facts/live-chat.json")))
                .isInstanceOf(AuditLogException.class)
                .hasMessageContaining("/dev/full")
                .hasMessageContaining("No space left on device");
    }

    @Test
    void whenTheLogIsEmpty_thenItVerifiesWithNoRecordsAndTheGenesisHash() throws Exception {
        Path file = folder.resolve("empty.jsonl");
        Files.createFile(file);
        AuditVerification verification = AuditLog.verify(file);
        assertThat(verification.ok()).isTrue();
        assertThat(verification.records()).isZero();
        assertThat(verification.lastHash()).isEqualTo(AuditLog.GENESIS);
    }

    @Test
    void whenAWholeRecordIsForgedWithARightHashButAWrongChain_thenVerifyPinsIt() throws Exception {
        Path file = folder.resolve("log.jsonl");
        StackAdvisor advisor = StackAdvisor.builder().listener(new AuditLog(file)).build();
        advisor.decide(Path.of("facts/live-chat.json"));
        advisor.decide(Path.of("facts/live-chat.json"));
        // a forger rewrites record 2 to point at the genesis hash and recomputes its own hash
        List<String> lines = Files.readAllLines(file);
        String line = lines.get(1);
        String previous = line.substring(line.indexOf("\"previousHash\":\"") + 16, line.indexOf("\"previousHash\":\"") + 80);
        String forgedBody = line.substring(0, line.length() - 75).replace(previous, AuditLog.GENESIS) + "}";
        String forged = forgedBody.substring(0, forgedBody.length() - 1) + ",\"hash\":\""
                + Hashing.sha256(forgedBody.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"}";
        Files.write(file, List.of(lines.get(0), forged));
        AuditVerification verification = AuditLog.verify(file);
        assertThat(verification.ok()).isFalse();
        assertThat(verification.line()).isEqualTo(2);
        assertThat(verification.problem()).startsWith("chain broken");
    }
}
