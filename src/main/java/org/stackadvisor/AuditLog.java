package org.stackadvisor;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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
 * as torn and which stops further appends until someone looks at it. When a record cannot be
 * written, {@link #decided} throws an {@link AuditLogException} naming the log file and the
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

    /** A log that appends to {@code file}, creating it on the first decision, timed by the system clock in UTC. */
    public AuditLog(Path file) {
        this(file, Clock.systemUTC());
    }

    /** A log whose record times come from {@code clock}. */
    public AuditLog(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            long size = channel.size();
            String[] previous = lastRecord(channel, size);
            long seq = Long.parseLong(previous[0]) + 1;
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("seq", seq);
            record.put("time", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            record.put("previousHash", previous[1]);
            record.put("decision", decision.toMap());
            String body = Json.write(record, false);
            String line = body.substring(0, body.length() - 1) + HASH_FIELD
                    + Hashing.sha256(body.getBytes(StandardCharsets.UTF_8)) + "\"}\n";
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            long position = size;
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
            channel.force(true);
        } catch (IOException e) {
            throw failure(0, "cannot append the decision's record: " + describe(e));
        }
        if (created) {
            syncDirectory();
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
            throw failure(0, "its last line has no line end: a write was cut off (torn record); run 'audit verify "
                    + file + "' and repair the log before recording more decisions");
        }
        long start = size - 1;
        int chunk = 64 * 1024;
        List<ByteBuffer> chunks = new ArrayList<>();
        int length = 0;
        while (start > 0) {
            long from = Math.max(0, start - chunk);
            ByteBuffer buffer = ByteBuffer.allocate((int) (start - from));
            channel.read(buffer, from);
            buffer.flip();
            chunks.add(0, buffer);
            length += buffer.remaining();
            int newline = -1;
            for (int i = buffer.limit() - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    newline = i;
                    break;
                }
            }
            if (newline >= 0) {
                length -= newline + 1;
                buffer.position(newline + 1);
                break;
            }
            start = from;
        }
        ByteBuffer line = ByteBuffer.allocate(length);
        chunks.forEach(line::put);
        String text = new String(line.array(), StandardCharsets.UTF_8);
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
