package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.audit.AuditLog;
import org.stackadvisor.audit.AuditVerification;

/**
 * Kill -9 of a process that appends to an audit log: every record it reported whole is intact,
 * and a record cut off by the kill is reported as a torn last line, never silently appended to.
 */
class AuditLogKillTest {
    private static final Pattern WRITTEN = Pattern.compile("record (\\d+) written");
    private static final long CHILD_SECONDS = 90;

    @TempDir
    Path folder;

    private Process child;
    private Thread reader;

    @AfterEach
    void killLeftoverChild() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
    }

    @Test
    void whenTheWriterIsKilledHalfwayThroughARecord_thenVerifyKeepsTheWholeRecordsAndReportsTheTornLine() throws Exception {
        Path log = folder.resolve("decisions.jsonl");
        BlockingQueue<String> lines = start(log, "tear-after", "2");
        awaitLine(lines, "record 2 written");
        awaitLine(lines, "half of record 3 written");

        killNine();

        AuditVerification verification = AuditLog.verify(log);
        assertThat(verification.ok()).isFalse();
        assertThat(verification.records()).isEqualTo(2);
        assertThat(verification.line()).isEqualTo(3);
        assertThat(verification.problem()).startsWith("torn record");
        CommandRun verify = CommandRun.of("audit", "verify", log.toString());
        assertThat(verify.exitCode).as(verify.toString()).isEqualTo(1);
        assertThat(verify.out).contains(log + ":3: torn record: the last line has no line end", "not ok: 2 intact records before line 3");
    }

    @Test
    void whenALogHasATornTail_thenDecideRefusesNamingTheLogAndHowToGoOn_andFollowingThatWorks() throws Exception {
        Path log = folder.resolve("decisions.jsonl");
        BlockingQueue<String> lines = start(log, "tear-after", "1");
        awaitLine(lines, "half of record 2 written");
        killNine();
        long intact = Files.readAllLines(log).get(0).length() + 1L;

        CommandRun decide = CommandRun.of("decide", "--audit-log", log.toString(), "facts/live-chat.json");

        assertThat(decide.exitCode).as(decide.toString()).isEqualTo(74);
        assertThat(decide.out).isEmpty();
        assertThat(decide.err).contains(log.toString(), "torn record", "never given", "audit verify " + log,
                "truncate -s " + intact + " " + log, "no decision was given").doesNotContain("\tat ");
        assertThat(AuditLog.verify(log).line()).as("the refused decision added nothing").isEqualTo(2);
        // doing what the message says: cut the log to its intact bytes, then decisions are recorded again
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(intact);
        }
        CommandRun again = CommandRun.of("decide", "--audit-log", log.toString(), "facts/live-chat.json");
        assertThat(again.exitCode).as(again.toString()).isZero();
        assertThat(CommandRun.of("audit", "verify", log.toString()).out).startsWith("ok 2 records");
    }

    @Test
    void whenTheWriterIsKilledAtARandomMoment_thenEveryReportedRecordIsIntactAndOnlyTheLastLineCanBeTorn() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path log = folder.resolve("decisions.jsonl");
        BlockingQueue<String> lines = start(log, "loop");
        int wait = 2 + random.nextInt(5);
        int reported = awaitLine(lines, "record " + wait + " written");
        Thread.sleep(random.nextInt(40));
        killNine();
        reported = Math.max(reported, lastReported(lines));

        AuditVerification verification = AuditLog.verify(log);
        CommandRun verify = CommandRun.of("audit", "verify", log.toString());
        String context = "seed " + seed + ", " + reported + " reported, " + verification + "\n" + verify;
        // the record in flight at the kill may be whole (not yet reported) or cut off
        assertThat(verification.records()).as(context).isBetween(reported, reported + 1);
        if (verification.ok()) {
            assertThat(verify.exitCode).as(context).isZero();
            assertThat(verify.out).as(context).startsWith("ok " + verification.records() + " record");
        } else {
            assertThat(verification.problem()).as(context).startsWith("torn record");
            assertThat(verification.line()).as(context).isEqualTo(verification.records() + 1);
            assertThat(verify.exitCode).as(context).isEqualTo(1);
            assertThat(verify.out).as(context).contains(log + ":" + verification.line() + ": torn record");
        }
    }

    private BlockingQueue<String> start(Path log, String... mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "org.stackadvisor.audit.AuditLogWriterProcess", log.toString()));
        command.addAll(List.of(mode));
        child = new ProcessBuilder(command)
                .redirectError(folder.resolve("child-stderr.txt").toFile())
                .directory(new File(System.getProperty("user.dir")))
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Process process = child;
        reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("stdout closed: " + e);
            }
        }, "audit-writer-stdout");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** Waits for the child to print {@code expected}; returns the highest record number it reported meanwhile. */
    private int awaitLine(BlockingQueue<String> lines, String expected) throws Exception {
        int reported = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_SECONDS);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(line).as("the writer process printed '%s' in time (stderr: %s)", expected, childStderr()).isNotNull();
            reported = Math.max(reported, recordNumber(line));
            if (line.equals(expected)) {
                return reported;
            }
        }
    }

    /** The highest record number the child printed before it died: its stdout ends with it. */
    private int lastReported(BlockingQueue<String> lines) throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(CHILD_SECONDS));
        int reported = 0;
        for (String line = lines.poll(); line != null; line = lines.poll()) {
            reported = Math.max(reported, recordNumber(line));
        }
        return reported;
    }

    private static int recordNumber(String line) {
        Matcher matcher = WRITTEN.matcher(line);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private void killNine() throws InterruptedException {
        child.destroyForcibly();
        assertThat(child.waitFor(CHILD_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    }

    private String childStderr() throws IOException {
        Path stderr = folder.resolve("child-stderr.txt");
        return Files.exists(stderr) ? Files.readString(stderr) : "";
    }
}
