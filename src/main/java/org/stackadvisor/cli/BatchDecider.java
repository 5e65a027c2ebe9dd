package org.stackadvisor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.stackadvisor.Decision;
import org.stackadvisor.InvalidFactsException;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.StackAdvisorException;
import org.stackadvisor.audit.AuditLog;

/**
 * Decides a JSON Lines stream of projects: one facts document per line in, one decision per line
 * out, in input order. Lines are decided on a fixed pool of threads, and at most {@code window}
 * lines are in flight at once (read but not yet written), so memory stays bounded however long the
 * input is. A line that fails becomes an error record with its line number and the batch goes on.
 */
final class BatchDecider {
    /** Lines in flight per thread: enough to keep every thread busy while the oldest line is written. */
    static final int WINDOW_PER_THREAD = 64;
    /**
     * The most decisions appended to the audit log as one group: one lock, one write, one force
     * and, with a signing key, one signature for all of them. Large enough to spread a signature
     * (about a millisecond) below a microsecond or so per record; small enough that a group's
     * records (about 30 KB each) stay a few megabytes.
     */
    static final int MAX_GROUP = 256;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

    private final StackAdvisor advisor;
    private final int threads;
    private final int window;
    private final int maxLineChars;
    private final boolean summary;
    private final AuditLog recorder;

    BatchDecider(StackAdvisor advisor, int threads, int window, int maxLineChars) {
        this(advisor, threads, window, maxLineChars, false, null);
    }

    /**
     * {@code summary}: each decision as its {@link SummaryLine}, not the whole compact decision.
     * {@code recorder}, when not null, is the audit log: the writing thread appends the decisions
     * that are ready, in input order, as one group ({@link AuditLog#decidedAll}, at most {@value
     * #MAX_GROUP}), and only then writes their lines: a decision is recorded if and only if it is
     * given, and a failed append stops the batch after the lines of the groups before it.
     */
    BatchDecider(StackAdvisor advisor, int threads, int window, int maxLineChars, boolean summary, AuditLog recorder) {
        if (threads < 1 || window < 1 || maxLineChars < 1) {
            throw new IllegalArgumentException("threads, window and maxLineChars must be at least 1");
        }
        this.advisor = advisor;
        this.threads = threads;
        this.window = window;
        this.maxLineChars = maxLineChars;
        this.summary = summary;
        this.recorder = recorder;
    }

    /** What a batch did: how many lines it decided and how many of them failed. */
    static final class Summary {
        final long lines;
        final long failed;

        Summary(long lines, long failed) {
            this.lines = lines;
            this.failed = failed;
        }
    }

    /** One output line: a decision or an error record. */
    private static final class Outcome {
        final String record;
        /** The decision behind the record; null for an error record. */
        final Decision decision;

        Outcome(String record, Decision decision) {
            this.record = record;
            this.decision = decision;
        }

        static Outcome error(String record) {
            return new Outcome(record, null);
        }

        boolean failed() {
            return decision == null;
        }
    }

    /**
     * Decides every non-blank line of {@code input} and writes one record per line to {@code out}.
     *
     * @param source how error records name the input, such as the file name
     * @param progress where a progress line goes, or null for none
     */
    Summary run(Reader input, String source, Writer out, PrintWriter progress) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        ArrayDeque<Future<Outcome>> inFlight = new ArrayDeque<>(window);
        LineReader lines = new LineReader(input, maxLineChars);
        long written = 0;
        long failed = 0;
        long lastProgress = System.nanoTime();
        try {
            for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                LineReader.Line submitted = line;
                inFlight.add(pool.submit(() -> decide(submitted, source)));
                if (inFlight.size() >= window) {
                    // Wait once for half the window, then write that half: waiting for each line in turn
                    // put this thread to sleep and woke it up again for every line.
                    awaitDone(nth(inFlight, inFlight.size() / 2));
                    while (inFlight.size() > window / 2) {
                        int count = Math.min(readyAtHead(inFlight), inFlight.size() - window / 2);
                        failed += write(inFlight, count, out);
                        written += count;
                    }
                    if (progress != null && System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                        progress(progress, written, failed, false);
                        lastProgress = System.nanoTime();
                    }
                }
            }
            while (!inFlight.isEmpty()) {
                int count = readyAtHead(inFlight);
                failed += write(inFlight, count, out);
                written += count;
            }
            out.flush();
            if (progress != null) {
                progress(progress, written, failed, true);
            }
            return new Summary(written, failed);
        } finally {
            pool.shutdownNow();
            try {
                // Lines still in flight are abandoned, but their threads end before the batch does.
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Future<Outcome> nth(ArrayDeque<Future<Outcome>> inFlight, int index) {
        Iterator<Future<Outcome>> futures = inFlight.iterator();
        for (int i = 0; i < index; i++) {
            futures.next();
        }
        return futures.next();
    }

    /** Waits until {@code future} is done; a failure is left for {@link #write} to raise in its turn, after the lines before it. */
    private static void awaitDone(Future<Outcome> future) throws IOException {
        try {
            future.get();
        } catch (ExecutionException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while deciding a batch", e);
        }
    }

    /**
     * How many lines at the head of {@code inFlight} to write next: the head, waited for, and the
     * lines after it that are decided already, up to {@value #MAX_GROUP}. A line never waits for
     * a later one, and a line whose deciding threw ends the group before it, so that it fails in
     * its turn after the lines before it are written.
     */
    private static int readyAtHead(ArrayDeque<Future<Outcome>> inFlight) throws IOException {
        Iterator<Future<Outcome>> futures = inFlight.iterator();
        awaitDone(futures.next());
        int ready = 1;
        while (ready < MAX_GROUP && futures.hasNext()) {
            Future<Outcome> next = futures.next();
            if (!next.isDone() || threw(next)) {
                break;
            }
            ready++;
        }
        return ready;
    }

    private static boolean threw(Future<Outcome> done) {
        try {
            done.get();
            return false;
        } catch (ExecutionException | CancellationException e) {
            return true;
        } catch (InterruptedException e) {
            // not expected of a future that is done; the head's await raises it in its turn
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Takes {@code count} lines from the head of {@code inFlight}, appends their decisions as one group, then writes them; returns how many failed. */
    private int write(ArrayDeque<Future<Outcome>> inFlight, int count, Writer out) throws IOException {
        List<Outcome> outcomes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            outcomes.add(await(inFlight.poll()));
        }
        if (recorder != null) {
            recorder.decidedAll(outcomes.stream().map(outcome -> outcome.decision).filter(Objects::nonNull)
                    .collect(Collectors.toList()));
        }
        int failed = 0;
        for (Outcome outcome : outcomes) {
            out.write(outcome.record);
            out.write('\n');
            failed += outcome.failed() ? 1 : 0;
        }
        return failed;
    }

    private static Outcome await(Future<Outcome> next) throws IOException {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while deciding a batch", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    private Outcome decide(LineReader.Line line, String source) {
        if (line.tooLong) {
            return Outcome.error(errorRecord(line.number, "invalid facts", List.of(Map.of(
                    "column", 0, "path", "", "message", "the line is longer than " + maxLineChars
                            + " characters; a facts document in a batch fits on one line of at most that"))));
        }
        try {
            Decision decision = advisor.decide(Project.parse(line.text, source));
            return new Outcome(summary ? SummaryLine.of(decision) : decision.toJsonLine(), decision);
        } catch (StackAdvisorException e) {
            List<Map<String, Object>> problems = DecisionArray.problemMaps(e.problems(), false);
            String kind = e instanceof InvalidFactsException ? "invalid facts" : e.summary();
            return Outcome.error(errorRecord(line.number, kind, problems));
        }
    }

    private static String errorRecord(long lineNumber, String error, List<? extends Map<String, Object>> problems) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("line", lineNumber);
        record.put("error", error);
        record.put("problems", problems);
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialize", e);
        }
    }

    private static void progress(PrintWriter progress, long written, long failed, boolean last) {
        progress.print("\rdecided " + written + " line" + (written == 1 ? "" : "s") + ", " + failed + " failed");
        if (last) {
            progress.println();
        }
        progress.flush();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "stack-advisor-batch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Reads lines of at most a given length; the rest of a longer line is skipped, not kept. */
    static final class LineReader {
        private final Reader reader;
        private final int maxChars;
        private final char[] buffer = new char[8192];
        private int position;
        private int limit;
        private long number;

        LineReader(Reader reader, int maxChars) {
            this.reader = reader;
            this.maxChars = maxChars;
        }

        static final class Line {
            final long number;
            final String text;
            final boolean tooLong;

            Line(long number, String text, boolean tooLong) {
                this.number = number;
                this.text = text;
                this.tooLong = tooLong;
            }

            boolean isBlank() {
                return !tooLong && text.isBlank();
            }
        }

        /** The next line without its line end, or null at the end of the input. */
        Line next() throws IOException {
            StringBuilder text = new StringBuilder();
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = reader.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                any = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int length = position - start;
                if (!tooLong) {
                    if (text.length() + length > maxChars + 1) {
                        tooLong = true;
                        text.setLength(0);
                    } else {
                        text.append(buffer, start, length);
                    }
                }
                if (position < limit) {
                    position++;
                    break;
                }
            }
            number++;
            if (!tooLong && text.length() > 0 && text.charAt(text.length() - 1) == '\r') {
                text.setLength(text.length() - 1);
            }
            if (!tooLong && text.length() > maxChars) {
                tooLong = true;
                text.setLength(0);
            }
            return new Line(number, text.toString(), tooLong);
        }
    }
}
