package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.audit.AuditLog;
import org.stackadvisor.audit.AuditLogException;
import org.stackadvisor.audit.AuditVerification;

/**
 * A full disk under the audit log: a tiny tmpfs (mounting needs root, as in the CI container;
 * elsewhere the test is skipped). The record that no longer fits is written partly, fails, and is
 * removed again: the decision fails loudly and the log keeps only whole records.
 */
class AuditLogFullDiskTest {
    @TempDir
    Path folder;

    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mountTinyDisk() throws Exception {
        disk = Files.createDirectory(folder.resolve("tiny-disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", disk.toString());
        assumeTrue(mounted, "cannot mount a tmpfs here (needs root)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            assertThat(run("umount", disk.toString())).isTrue();
        }
    }

    @Test
    void whenTheDiskFillsUpMidRecord_thenTheDecisionFailsNamingTheLogAndTheLogKeepsOnlyWholeRecords() {
        Path log = disk.resolve("decisions.jsonl");
        StackAdvisor advisor = StackAdvisor.builder().listener(new AuditLog(log)).build();
        int decided = 0;
        AuditLogException failure = null;
        while (failure == null && decided < 1000) {
            failure = catchThrowableOfType(() -> advisor.decide(Path.of("facts/live-chat.json")), AuditLogException.class);
            if (failure == null) {
                decided++;
            }
        }

        assertThat(failure).as("the disk filled up").isNotNull();
        assertThat(decided).isPositive();
        assertThat(failure.problems().get(0).source()).isEqualTo(log.toString());
        assertThat(failure.getMessage()).contains("No space left on device", "the partly written record was removed");
        AuditVerification verification = AuditLog.verify(log);
        assertThat(verification.ok()).as(verification.toString()).isTrue();
        assertThat(verification.records()).isEqualTo(decided);

        CommandRun decide = CommandRun.of("decide", "--audit-log", log.toString(), "facts/live-chat.json");
        assertThat(decide.exitCode).as(decide.toString()).isEqualTo(74);
        assertThat(decide.out).isEmpty();
        assertThat(decide.err).contains(log.toString(), "No space left on device", "no decision was given").doesNotContain("\tat ");
        assertThat(CommandRun.of("audit", "verify", log.toString()).out).startsWith("ok " + decided + " record");
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
