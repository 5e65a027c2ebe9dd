package org.stackadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.Decision;
import org.stackadvisor.StackAdvisor;

/**
 * A log that several threads append to through {@link AuditLog#decided}: the decisions that wait
 * while one thread appends are appended next, together, as one signed group; each caller returns
 * once its own record is in the log, or learns that it is not.
 */
class AuditLogGroupCommitTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();
    private static final int FOLLOWERS = 6;

    @TempDir
    Path folder;

    private final ExecutorService threads = Executors.newFixedThreadPool(FOLLOWERS + 1);
    private final CountDownLatch firstAppendMayGoOn = new CountDownLatch(1);
    private final AtomicInteger opens = new AtomicInteger();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void whenThreadsDecideWhileAnAppendIsUnderWay_thenTheirRecordsAreAppendedAsOneSignedGroup() throws Exception {
        // given a signing log whose first append holds the file until the other threads wait for it
        AuditKeys.generate(folder);
        Path log = folder.resolve("log.jsonl");
        AuditLog auditLog = signingLog(log, this::holdingTheFirstOpen);
        // when the first append goes on
        List<CompletableFuture<Void>> followers = firstAppendThenFollowers(auditLog);
        for (CompletableFuture<Void> follower : followers) {
            follower.get(30, TimeUnit.SECONDS);
        }
        // then every decision has its record, the followers' in one group with one signature, and verify with the key passes
        List<AuditRecord> records = new ArrayList<>();
        AuditLog.read(log, records::add);
        assertThat(records).hasSize(1 + FOLLOWERS);
        assertThat(records).extracting(AuditRecord::signed).containsExactly(true, false, false, false, false, false, true);
        assertThat(opens.get()).as("file opens: one per group").isEqualTo(2);
        AuditVerification checked = AuditLog.verify(log, AuditKeys.readPublicKey(folder.resolve(AuditKeys.PUBLIC_KEY_FILE)), null);
        assertThat(checked.ok()).as(checked.toString()).isTrue();
        assertThat(checked.coveredRecords()).isEqualTo(1 + FOLLOWERS);
    }

    @Test
    void whenTheWaitingGroupCannotBeWritten_thenEachOfItsCallersFailsAndNoneOfItsRecordsIsInTheLog() throws Exception {
        // given a log whose second open fails, and threads that wait while the first append holds the file
        AuditKeys.generate(folder);
        Path log = folder.resolve("log.jsonl");
        AuditLog auditLog = signingLog(log, (file, options) -> {
            if (opens.get() == 1) {
                opens.incrementAndGet();
                throw new IOException("No space left on device");
            }
            return holdingTheFirstOpen(file, options);
        });
        // when the first append goes on and the group after it fails
        List<CompletableFuture<Void>> followers = firstAppendThenFollowers(auditLog);
        // then every follower learns that its record was not written, and the log holds the first record alone
        for (CompletableFuture<Void> follower : followers) {
            assertThat(follower).failsWithin(30, TimeUnit.SECONDS).withThrowableThat()
                    .havingCause().isInstanceOf(AuditLogException.class).withMessageContaining("No space left on device");
        }
        assertThat(AuditLog.verify(log, AuditKeys.readPublicKey(folder.resolve(AuditKeys.PUBLIC_KEY_FILE)), null).records()).isEqualTo(1);
    }

    private AuditLog signingLog(Path log, AuditLog.ChannelOpener opener) {
        return AuditLog.build(AuditLog.builder(log).signingKey(AuditKeys.readPrivateKey(folder.resolve(AuditKeys.PRIVATE_KEY_FILE))), opener);
    }

    /**
     * Appends a first decision that holds the file until the other threads' decisions wait for it,
     * then lets it go on; returns the waiting threads' calls once the first has returned.
     */
    private List<CompletableFuture<Void>> firstAppendThenFollowers(AuditLog auditLog) throws Exception {
        Decision first = ADVISOR.decide(Path.of("facts/live-chat.json"));
        CompletableFuture<Void> leader = CompletableFuture.runAsync(() -> auditLog.decided(first), threads);
        List<CompletableFuture<Void>> followers = followers(auditLog, leader);
        firstAppendMayGoOn.countDown();
        leader.get(30, TimeUnit.SECONDS);
        return followers;
    }

    /** Starts the followers once the leader holds the file, and returns when all of them wait for it. */
    private List<CompletableFuture<Void>> followers(AuditLog auditLog, CompletableFuture<Void> leader) throws InterruptedException {
        while (opens.get() == 0 && !leader.isDone()) {
            Thread.sleep(1);
        }
        List<CompletableFuture<Void>> followers = new ArrayList<>();
        for (int i = 0; i < FOLLOWERS; i++) {
            Decision decision = ADVISOR.decide(Path.of("facts/almost-empty.json"));
            followers.add(CompletableFuture.runAsync(() -> auditLog.decided(decision), threads));
        }
        while (auditLog.waitingDecisions() < FOLLOWERS) {
            Thread.sleep(1);
        }
        return followers;
    }

    private FileChannel holdingTheFirstOpen(Path file, StandardOpenOption... options) throws IOException {
        if (opens.getAndIncrement() == 0) {
            try {
                firstAppendMayGoOn.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        return FileChannel.open(file, options);
    }
}
