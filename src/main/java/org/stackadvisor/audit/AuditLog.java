package org.stackadvisor.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.stackadvisor.Decision;
import org.stackadvisor.DecisionListener;
import org.stackadvisor.Problem;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.json.Hashing;
import org.stackadvisor.internal.json.Json;

/**
 * A tamper-evident log of decisions: one JSON line per decision (JSON Lines) holding the record
 * number {@code seq}, the {@code time}, the {@code previousHash}, the whole {@code decision}, and
 * the record's own {@code hash}: a SHA-256 over the record's line without its hash field. Each
 * record names the hash of the one before it (the first names {@link #GENESIS}), so editing,
 * removing or reordering a record breaks the chain, and {@link #verify(Path)} pins the first
 * such record by its line number.
 *
 * <p>Register it as a listener, so that every decision is recorded before it is returned:
 * <pre>{@code
 * StackAdvisor advisor = StackAdvisor.builder()
 *         .listener(new AuditLog(Path.of("decisions.jsonl")))
 *         .build();
 * advisor.decide(project);                                       // appended, flushed and synced
 * AuditLog.verify(Path.of("decisions.jsonl")).ok();             // true
 * }</pre>
 *
 * <p>Each record is appended under an exclusive file lock, written whole, and forced to the
 * disk (fsync) before the decision is returned, so a crash never damages earlier records; a
 * write cut off by a crash leaves a last line without its line end, which {@code verify} reports
 * as torn and which stops further appends until someone cuts it off (the message says where).
 * When a record cannot be written (a full disk, a closed file), {@link #decided} removes what it
 * wrote of the record and throws an {@link AuditLogException} naming the log file, and the
 * decision fails. Thread-safe; several processes may append to one log.
 */
public final class AuditLog implements DecisionListener {
    /** The {@code previousHash} of the first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HASH_FIELD = ",\"hash\":\"";
    private static final Pattern HASH_SUFFIX = Pattern.compile(",\"hash\":\"[0-9a-f]{64}\"}$");
    private static final int SUFFIX_LENGTH = HASH_FIELD.length() + 64 + 2;
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Clock clock;
    private final ChannelOpener opener;

    /** A log that appends to {@code file}, creating it on the first decision, timed by the system clock in UTC. */
    public AuditLog(Path file) {
        this(file, Clock.systemUTC());
    }

    /** A log whose record times come from {@code clock}. */
    public AuditLog(Path file, Clock clock) {
        this(file, clock, FileChannel::open);
    }

    /** A log that opens its file for each append through {@code opener}: tests pass one that fails mid-write. */
    AuditLog(Path file, Clock clock, ChannelOpener opener) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** Opens the log file for one append; {@link FileChannel#open(Path, java.nio.file.OpenOption...)} outside tests. */
    @FunctionalInterface
    interface ChannelOpener {
        FileChannel open(Path file, StandardOpenOption... options) throws IOException;
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /**
     * Appends the decision's record, flushed and forced to the disk before it returns.
     *
     * @throws AuditLogException when the record cannot be written, naming the log file
     */
    @Override
    public void decided(Decision decision) {
        Object monitor = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new Object());
        synchronized (monitor) {
            append(decision);
        }
    }

    private void append(Decision decision) {
        boolean created = !Files.exists(file);
        long start = -1;
        byte[] bytes = null;
        try (FileChannel channel = opener.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            long size = channel.size();
            String[] previous = lastRecord(channel, size);
            long seq = Long.parseLong(previous[0]) + 1;
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("seq", seq);
            record.put("time", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            record.put("previousHash", previous[1]);
            record.put("decision", Access.root().toMap(decision));
            String body = Json.write(record, false);
            String line = body.substring(0, body.length() - 1) + HASH_FIELD
                    + Hashing.sha256(body.getBytes(StandardCharsets.UTF_8)) + "\"}\n";
            bytes = line.getBytes(StandardCharsets.UTF_8);
            start = size;
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = size;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(true);
        } catch (IOException e) {
            String cause = "cannot append the decision's record: " + describe(e);
            throw failure(0, start < 0 ? cause : cause + rollBack(start, bytes));
        }
        if (created) {
            syncDirectory();
        }
    }

    /**
     * Removes what a failed append left at the end of the log (a cut-off record, or a whole one
     * that could not be forced to the disk), so that a failed decision leaves no record and the
     * log stays open for the next one. Runs after the failed channel, and with it the file lock,
     * is closed: another process that appended meanwhile found the cut-off line and refused, so
     * the tail is removed only when it is (a prefix of) exactly the bytes this append wrote.
     */
    private String rollBack(long start, byte[] record) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            long size = channel.size();
            if (size <= start) {
                return "; nothing of the record was written";
            }
            if (size - start > record.length) {
                return "; the log has grown past the record meanwhile, so it was left as it is: run 'audit verify " + file + "'";
            }
            ByteBuffer tail = ByteBuffer.allocate((int) (size - start));
            readFully(channel, tail, start);
            if (!Arrays.equals(tail.array(), 0, tail.position(), record, 0, tail.capacity()) || tail.hasRemaining()) {
                return "; the end of the log is not this record, so it was left as it is: run 'audit verify " + file + "'";
            }
            channel.truncate(start);
            channel.force(true);
            return "; the partly written record was removed, the log ends with the record before it";
        } catch (IOException e) {
            return "; the partly written record could not be removed (" + describe(e) + "): 'audit verify " + file
                    + "' reports it as the last line";
        }
    }

    /** The seq and hash of the last record, read from the end of the file; 0 and GENESIS for an empty log. */
    private String[] lastRecord(FileChannel channel, long size) throws IOException {
        if (size == 0) {
            return new String[] {"0", GENESIS};
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        if (last.get(0) != '\n') {
            long intact = lineStart(channel, size);
            throw failure(0, "its last line has no line end: a write was cut off (torn record), so no more decisions are"
                    + " recorded in it. The cut-off record's decision was never given. To go on: run 'audit verify " + file
                    + "' (it shows the intact records before the torn line), keep a copy of the log, then cut the log to its first "
                    + intact + " bytes (for example: truncate -s " + intact + " " + file + ")");
        }
        long start = lineStart(channel, size - 1);
        ByteBuffer line = ByteBuffer.allocate((int) (size - 1 - start));
        readFully(channel, line, start);
        String text = new String(line.array(), 0, line.position(), StandardCharsets.UTF_8);
        try {
            JsonNode record = MAPPER.readTree(text);
            if (record != null && record.path("seq").canConvertToLong() && HASH_SUFFIX.matcher(text).find()) {
                return new String[] {String.valueOf(record.get("seq").asLong()), record.get("hash").asText()};
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw failure(0, "its last line is not an audit record; run 'audit verify " + file + "'");
    }

    /** Reads from {@code from} until {@code buffer} is full or the file ends. */
    private static void readFully(FileChannel channel, ByteBuffer buffer, long from) throws IOException {
        while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
            // a positional read may return fewer bytes than asked for
        }
    }

    /** Where the line that ends before {@code end} begins: just after the last line end before it, or 0. */
    private static long lineStart(FileChannel channel, long end) throws IOException {
        int chunk = 64 * 1024;
        long to = end;
        while (to > 0) {
            long from = Math.max(0, to - chunk);
            ByteBuffer buffer = ByteBuffer.allocate((int) (to - from));
            readFully(channel, buffer, from);
            for (int i = buffer.position() - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            to = from;
        }
        return 0;
    }

    private void syncDirectory() {
        Path directory = file.toAbsolutePath().getParent();
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open a folder; the record itself is already on the disk.
        }
    }

    private AuditLogException failure(int line, String message) {
        return failure(file, line, message);
    }

    private static AuditLogException failure(Path file, int line, String message) {
        return new AuditLogException(List.of(new Problem(file.toString(), line, 0, "", message)));
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " " + e.getMessage();
    }

    /**
     * Checks a log: every line a whole record whose hash matches its content, numbered in order,
     * each naming the hash of the one before. Reports the first record that was edited, removed,
     * reordered or torn.
     *
     * @throws AuditLogException when the file is missing or cannot be read
     */
    public static AuditVerification verify(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw failure(file, 0, "no such file");
        } catch (IOException e) {
            throw failure(file, 0, "cannot be read: " + describe(e));
        }
        String previousHash = GENESIS;
        int records = 0;
        int start = 0;
        int lineNumber = 0;
        while (start < content.length) {
            lineNumber++;
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            if (end == content.length) {
                return new AuditVerification(records, lineNumber, "torn record: the last line has no line end"
                        + " (a write was cut off, or the line was cut)", previousHash);
            }
            String line = new String(content, start, end - start, StandardCharsets.UTF_8);
            String problem = check(line, lineNumber, previousHash);
            if (problem != null) {
                return new AuditVerification(records, lineNumber, problem, previousHash);
            }
            previousHash = line.substring(line.length() - SUFFIX_LENGTH + HASH_FIELD.length(), line.length() - 2);
            records++;
            start = end + 1;
        }
        return new AuditVerification(records, 0, null, previousHash);
    }

    private static String check(String line, int lineNumber, String previousHash) {
        if (line.isEmpty()) {
            return "empty line: not an audit record";
        }
        if (!HASH_SUFFIX.matcher(line).find()) {
            return "not an audit record: it does not end with its hash (edited or cut)";
        }
        String body = line.substring(0, line.length() - SUFFIX_LENGTH) + "}";
        String hash = line.substring(line.length() - SUFFIX_LENGTH + HASH_FIELD.length(), line.length() - 2);
        if (!Hashing.sha256(body.getBytes(StandardCharsets.UTF_8)).equals(hash)) {
            return "record edited: its content does not match its hash";
        }
        JsonNode record;
        try {
            record = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return "not an audit record: not JSON (" + e.getOriginalMessage() + ")";
        }
        if (record == null || !record.isObject() || !record.path("seq").canConvertToLong()
                || !record.path("previousHash").isTextual() || !record.path("decision").isObject() || !record.path("time").isTextual()) {
            return "not an audit record: seq, time, previousHash and decision are required";
        }
        long seq = record.get("seq").asLong();
        if (seq > lineNumber) {
            return "record " + seq + " is on line " + lineNumber + ": the record(s) before it were removed, or records were reordered";
        }
        if (seq < lineNumber) {
            return "record " + seq + " is on line " + lineNumber + ": records were reordered or a record was repeated";
        }
        if (!record.get("previousHash").asText().equals(previousHash)) {
            return "chain broken: its previousHash is not the hash of the record before it"
                    + (lineNumber == 1 ? " (the first record must name the genesis hash)" : " (a record was replaced)");
        }
        return null;
    }
}
