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
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stackadvisor.Decision;
import org.stackadvisor.DecisionListener;
import org.stackadvisor.Problem;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.json.Hashing;
import org.stackadvisor.internal.json.Json;
import org.stackadvisor.internal.vocabulary.ValidFacts;

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
 *
 * <p>Each record also says who asked ({@code actor}), with which version of Stack Advisor
 * ({@code toolVersion}) and where the rule base that made the decision came from ({@code rules}:
 * {@code bundled} or its absolute folder). A log made with {@link Builder#signingKey} signs each record with Ed25519 (its {@code
 * signature}, over the record's hash), so that a record forged or edited by someone without the
 * private key fails {@link #verify(Path, java.security.PublicKey, String)} whatever hashes were
 * recomputed:
 * <pre>{@code
 * AuditLog log = AuditLog.builder(Path.of("decisions.jsonl"))
 *         .signingKey(AuditKeys.readPrivateKey(Path.of("keys/audit-key")))
 *         .actor("release-pipeline")
 *         .build();
 * }</pre>
 */
public final class AuditLog implements DecisionListener {
    /** The {@code previousHash} of the first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HASH_FIELD = ",\"hash\":\"";
    private static final String SIGNATURE_FIELD = ",\"signature\":\"";
    /** The end of a record: its hash, and its signature when it is signed. */
    private static final Pattern RECORD_END = Pattern.compile(
            ",\"hash\":\"([0-9a-f]{64})\"(?:,\"signature\":\"([A-Za-z0-9+/=]{1,200})\")?}$");
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Clock clock;
    private final ChannelOpener opener;
    private final PrivateKey signingKey;
    private final String actor;
    /** The override of the {@code rules} every record names, or null: each names its decision's rule base. */
    private final String rules;

    /**
     * A log that appends to {@code file}, creating it on the first decision, timed by the system
     * clock in UTC; unsigned, the actor the system's user name.
     */
    public AuditLog(Path file) {
        this(file, Clock.systemUTC());
    }

    /** A log whose record times come from {@code clock}. */
    public AuditLog(Path file, Clock clock) {
        this(file, clock, FileChannel::open);
    }

    /** A log that opens its file for each append through {@code opener}: tests pass one that fails mid-write. */
    AuditLog(Path file, Clock clock, ChannelOpener opener) {
        this(builder(file).clock(clock), opener);
    }

    private AuditLog(Builder builder, ChannelOpener opener) {
        this.file = Objects.requireNonNull(builder.file, "file");
        this.clock = Objects.requireNonNull(builder.clock, "clock");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.signingKey = builder.signingKey;
        this.actor = builder.actor;
        this.rules = builder.rulesDirectory == null ? null : builder.rulesDirectory.toAbsolutePath().normalize().toString();
    }

    /** The {@code rules} of a record whose rule base is the one bundled in Stack Advisor. */
    public static final String BUNDLED = "bundled";

    /** Settings for a log on {@code file}; every one but the file has a default. */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /**
     * Settings for an {@link AuditLog}: the clock, the signing key, the actor and, to override what
     * each decision says, where the rule base came from. Not thread-safe; the log it builds is.
     */
    public static final class Builder {
        private final Path file;
        private Clock clock = Clock.systemUTC();
        private PrivateKey signingKey;
        private String actor = userName();
        private Path rulesDirectory;

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        private static String userName() {
            String name = System.getProperty("user.name", "");
            return name.isBlank() ? "unknown" : name;
        }

        /** Where record times come from; the system clock in UTC by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Signs every record with this Ed25519 private key ({@link AuditKeys#readPrivateKey}); unsigned by default.
         *
         * @throws IllegalArgumentException when the key is not an Ed25519 private key
         */
        public Builder signingKey(PrivateKey key) {
            try {
                Signature.getInstance(AuditKeys.ALGORITHM).initSign(Objects.requireNonNull(key, "key"));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("not an " + AuditKeys.ALGORITHM + " private key: " + e.getMessage(), e);
            }
            this.signingKey = key;
            return this;
        }

        /** Who asks for the decisions, as each record names it; the system property {@code user.name} ({@code unknown} when blank) by default. */
        public Builder actor(String actor) {
            if (Objects.requireNonNull(actor, "actor").isBlank()) {
                throw new IllegalArgumentException("the actor must not be blank");
            }
            this.actor = actor;
            return this;
        }

        /**
         * Names this folder as every record's {@code rules}, whatever rule base made the decision.
         * Not needed to name the right one: without it each record names the rule base that made
         * its decision, {@value AuditLog#BUNDLED} or the absolute folder the advisor read it from
         * ({@link StackAdvisor.Builder#rulesDirectory}).
         */
        public Builder rulesDirectory(Path rulesDirectory) {
            this.rulesDirectory = Objects.requireNonNull(rulesDirectory, "rulesDirectory");
            return this;
        }

        /** The log. */
        public AuditLog build() {
            return new AuditLog(this, FileChannel::open);
        }
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
            record.put("toolVersion", StackAdvisor.toolVersion());
            record.put("rules", rules != null ? rules : rulesOf(decision));
            record.put("actor", actor);
            record.put("decision", Access.root().toMap(decision));
            String body = Json.write(record, false);
            String hash = Hashing.sha256(body.getBytes(StandardCharsets.UTF_8));
            String line = body.substring(0, body.length() - 1) + HASH_FIELD + hash + "\""
                    + (signingKey == null ? "" : SIGNATURE_FIELD + sign(signingKey, hash) + "\"") + "}\n";
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

    /** Where the decision's rule base came from: {@value #BUNDLED} or its absolute folder. */
    private static String rulesOf(Decision decision) {
        Path directory = Access.root().rulesDirectory(decision);
        return directory == null ? BUNDLED : directory.toString();
    }

    /** The record's signature: Ed25519 over the ASCII of its hash, in Base64. */
    static String sign(PrivateKey key, String hash) {
        try {
            Signature signature = Signature.getInstance(AuditKeys.ALGORITHM);
            signature.initSign(key);
            signature.update(hash.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key was checked when the log was built", e);
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
            if (record != null && record.path("seq").canConvertToLong() && RECORD_END.matcher(text).find()) {
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
     * reordered or torn. Signatures are not checked: see {@link #verify(Path, PublicKey, String)}.
     *
     * @throws AuditLogException when the file is missing or cannot be read
     */
    public static AuditVerification verify(Path file) {
        return verify(file, null, null);
    }

    /**
     * Checks a log as {@link #verify(Path)} does, and each record against the record schema, that
     * times never go backwards, that each stored decision's input facts hash to its stored input
     * hash; with a public key, that every record carries a valid signature; with an expected head
     * (a record hash written down earlier, such as {@link AuditVerification#lastHash()}), that the
     * record with that hash is still in the log, unchanged and at its place.
     *
     * @param publicKey the Ed25519 public key ({@link AuditKeys#readPublicKey}), or null not to check signatures
     * @param expectedHead a record's hash (64 hex digits, {@code sha256:} allowed before them), or null
     * @throws AuditLogException when the file is missing or cannot be read
     */
    public static AuditVerification verify(Path file, PublicKey publicKey, String expectedHead) {
        return new Verifier(file, publicKey, expectedHead).run();
    }

    /**
     * Hands each record of a log to {@code action}, in order, without verifying the chain or the
     * signatures (that is {@link #verify}'s work); for listing, exporting and replaying a log.
     *
     * @throws AuditLogException when the file is missing or unreadable, or a line is not an audit
     *     record (naming its line); records before it have been handed out
     */
    public static void read(Path file, Consumer<AuditRecord> action) {
        forEachLine(readLog(file), (lineNumber, line) -> {
            if (line == null) {
                throw failure(file, lineNumber, "torn record: the last line has no line end; run 'audit verify " + file + "'");
            }
            Object parsed;
            try {
                parsed = MAPPER.readValue(line, Object.class);
            } catch (JsonProcessingException e) {
                throw failure(file, lineNumber, "not an audit record: not JSON (" + e.getOriginalMessage() + ")");
            }
            String problem = RecordSchema.problem(parsed);
            if (problem == null && !(((Map<?, ?>) parsed).get("hash") instanceof String)) {
                problem = "hash is required";
            }
            if (problem != null) {
                throw failure(file, lineNumber, "not an audit record: " + problem + "; run 'audit verify " + file + "'");
            }
            action.accept(new AuditRecord(lineNumber, (Map<?, ?>) parsed));
            return true;
        });
    }

    /** What is done with each line of a log; returns whether to go on. */
    @FunctionalInterface
    private interface LineAction {
        /** {@code line} is null for a last line without its line end (a torn record). */
        boolean accept(int lineNumber, String line);
    }

    /** Hands each line of a log's bytes, with its 1-based number, to {@code action} until it returns false. */
    private static void forEachLine(byte[] content, LineAction action) {
        int start = 0;
        int lineNumber = 0;
        while (start < content.length) {
            lineNumber++;
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            String line = end == content.length ? null : new String(content, start, end - start, StandardCharsets.UTF_8);
            if (!action.accept(lineNumber, line) || line == null) {
                return;
            }
            start = end + 1;
        }
    }

    /** The hash written down as an anchor, without a {@code sha256:} before it, in lower case. */
    static String anchor(String head) {
        String hash = head.strip().toLowerCase(java.util.Locale.ROOT);
        return hash.startsWith("sha256:") ? hash.substring("sha256:".length()) : hash;
    }

    /** Reads a log's bytes, naming the file when it is missing or unreadable. */
    static byte[] readLog(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw failure(file, 0, "no such file");
        } catch (IOException e) {
            throw failure(file, 0, Files.isDirectory(file) ? "is a folder, not an audit log" : "cannot be read: " + describe(e));
        }
    }

    /** One pass over a log's lines, with what the checks of a record need from those before it. */
    private static final class Verifier {
        private final Path file;
        private final PublicKey publicKey;
        private final String expectedHead;
        private String previousHash = GENESIS;
        private Instant previousTime;
        private int records;
        private int signed;
        private int headLine;

        Verifier(Path file, PublicKey publicKey, String expectedHead) {
            this.file = file;
            this.publicKey = publicKey;
            this.expectedHead = expectedHead == null ? null : anchor(expectedHead);
        }

        AuditVerification run() {
            AuditVerification[] failed = {null};
            forEachLine(readLog(file), (lineNumber, line) -> {
                String problem = line == null
                        ? "torn record: the last line has no line end (a write was cut off, or the line was cut)"
                        : check(line, lineNumber);
                if (problem != null) {
                    failed[0] = result(lineNumber, problem);
                    return false;
                }
                records++;
                return true;
            });
            if (failed[0] != null) {
                return failed[0];
            }
            if (expectedHead != null && headLine == 0) {
                return result(0, "the anchored record " + expectedHead + " is not in the log: it, or records before it,"
                        + " were rewritten or removed (or the anchor is from another log)");
            }
            return result(0, null);
        }

        private AuditVerification result(int line, String problem) {
            return new AuditVerification(records, line, problem, previousHash, publicKey != null, signed, headLine);
        }

        private String check(String line, int lineNumber) {
            if (line.isEmpty()) {
                return "empty line: not an audit record";
            }
            Matcher end = RECORD_END.matcher(line);
            if (!end.find()) {
                return "not an audit record: it does not end with its hash (edited or cut)";
            }
            String body = line.substring(0, end.start()) + "}";
            String hash = end.group(1);
            String signature = end.group(2);
            if (!Hashing.sha256(body.getBytes(StandardCharsets.UTF_8)).equals(hash)) {
                return "record edited: its content does not match its hash";
            }
            Object parsed;
            try {
                parsed = MAPPER.readValue(line, Object.class);
            } catch (JsonProcessingException e) {
                return "not an audit record: not JSON (" + e.getOriginalMessage() + ")";
            }
            String schema = RecordSchema.problem(parsed);
            if (schema != null) {
                return "not an audit record: " + schema;
            }
            Map<?, ?> record = (Map<?, ?>) parsed;
            long seq = ((Number) record.get("seq")).longValue();
            if (seq > lineNumber) {
                return "record " + seq + " is on line " + lineNumber + ": the record(s) before it were removed, or records were reordered";
            }
            if (seq < lineNumber) {
                return "record " + seq + " is on line " + lineNumber + ": records were reordered or a record was repeated";
            }
            if (!record.get("previousHash").equals(previousHash)) {
                return "chain broken: its previousHash is not the hash of the record before it"
                        + (lineNumber == 1 ? " (the first record must name the genesis hash)" : " (a record was replaced)");
            }
            Instant time = Instant.parse((String) record.get("time"));
            if (previousTime != null && time.isBefore(previousTime)) {
                return "time goes backwards: " + record.get("time") + " is before the time of the record before it ("
                        + previousTime + ")";
            }
            Map<?, ?> input = (Map<?, ?>) ((Map<?, ?>) record.get("decision")).get("input");
            @SuppressWarnings("unchecked")
            String factsHash = ValidFacts.sha256Of((Map<String, ?>) input.get("facts"));
            if (!factsHash.equals(input.get("sha256"))) {
                return "input hash does not match: the stored facts hash to " + factsHash + " but the decision records "
                        + input.get("sha256") + " (its facts or its input hash were edited)";
            }
            String signatureProblem = checkSignature(hash, signature);
            if (signatureProblem != null) {
                return signatureProblem;
            }
            previousHash = hash;
            previousTime = time;
            if (hash.equals(expectedHead)) {
                headLine = lineNumber;
            }
            return null;
        }

        private String checkSignature(String hash, String signature) {
            if (signature != null) {
                signed++;
            }
            if (publicKey == null) {
                return signature == null || decodedSignature(signature) != null ? null
                        : "not an audit record: its signature is not 64 bytes of Base64";
            }
            if (signature == null) {
                return "unsigned record, but signatures are checked: it was written without the signing key, or its"
                        + " signature was removed";
            }
            byte[] bytes = decodedSignature(signature);
            try {
                Signature check = Signature.getInstance(AuditKeys.ALGORITHM);
                check.initVerify(publicKey);
                check.update(hash.getBytes(StandardCharsets.US_ASCII));
                if (bytes != null && check.verify(bytes)) {
                    return null;
                }
            } catch (GeneralSecurityException e) {
                // a signature the algorithm cannot read is as bad as one that does not match
            }
            return "signature does not match: the record was forged or edited without the private key, or signed with"
                    + " another key";
        }

        private static byte[] decodedSignature(String signature) {
            try {
                byte[] bytes = Base64.getDecoder().decode(signature);
                return bytes.length == 64 ? bytes : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
