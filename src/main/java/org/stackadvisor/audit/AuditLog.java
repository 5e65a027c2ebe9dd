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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * disk (fsync) before the decision is returned (or, with {@link #decidedAll}, a group of records
 * under one lock, in one write and one fsync), so a crash never damages earlier records; a
 * write cut off by a crash leaves a last line without its line end, which {@code verify} reports
 * as torn and which stops further appends until someone cuts it off (the message says where).
 * When a record cannot be written (a full disk, a closed file), {@link #decided} removes what it
 * wrote of the record (of the group) and throws an {@link AuditLogException} naming the log file,
 * and the decision fails. Thread-safe; several processes may append to one log.
 *
 * <p>Each record also says who asked ({@code actor}), with which version of Stack Advisor
 * ({@code toolVersion}) and where the rule base that made the decision came from ({@code rules}:
 * {@code bundled} or its absolute folder). A log made with {@link Builder#signingKey} signs the
 * last record of each group with Ed25519 (its {@code signature}, over the record's hash, which
 * chains back over every record before it), so that a record forged or edited by someone without
 * the private key fails {@link #verify(Path, java.security.PublicKey, String)} whatever hashes
 * were recomputed. Such a log refuses to append after a last record its key did not sign (see
 * {@link #decidedAll}):
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
    private final RecordSigner signer;
    private final String actor;
    /** The override of the {@code rules} every record names, or null: each names its decision's rule base. */
    private final String rules;
    /** The hash and signature of the last record this log signed: the tail check's shortcut. */
    private volatile String[] lastSigned;
    /** The decisions of threads waiting while another thread appends, to be appended as the next group. */
    private final List<Waiting> waiting = new ArrayList<>();
    /** Whether a thread is appending a group from {@link #decided}; guarded by {@link #waiting}. */
    private boolean appending;

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

    /** A log with the builder's settings that opens its file through {@code opener} (tests). */
    static AuditLog build(Builder builder, ChannelOpener opener) {
        return new AuditLog(builder, opener);
    }

    private AuditLog(Builder builder, ChannelOpener opener) {
        this.file = Objects.requireNonNull(builder.file, "file");
        this.clock = Objects.requireNonNull(builder.clock, "clock");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.signer = builder.signer;
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
        private RecordSigner signer;
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
         * @throws IllegalArgumentException when the key is not an Ed25519 private key that reveals its 32
         *     bytes (the JDK's keys do)
         */
        public Builder signingKey(PrivateKey key) {
            this.signer = RecordSigner.of(key);
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
     * Appends the decision's record, flushed and forced to the disk before it returns, signed
     * when the log has a signing key. Threads that decide while another thread's append is under
     * way wait for it and are then appended together, as one {@linkplain #decidedAll group} with
     * one write, one fsync and one signature (a group commit): a service that decides on several
     * threads pays a signature per group, not per record; a lone caller's record is a group of one.
     *
     * @throws AuditLogException when the record cannot be written, naming the log file, or when
     *     a signing log's last record is not signed by its key (naming its line); the record is
     *     then not in the log, nor are the others of its group
     */
    @Override
    public void decided(Decision decision) {
        Waiting mine = new Waiting(Objects.requireNonNull(decision, "decision"));
        List<Waiting> group;
        boolean interrupted = false;
        synchronized (waiting) {
            waiting.add(mine);
            // Not interruptible: the record may be in the log already, and the caller must learn whether it is.
            while (appending && !mine.finished) {
                try {
                    waiting.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (!mine.finished) {
                appending = true;
                group = new ArrayList<>(waiting);
                waiting.clear();
            } else {
                group = null;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (group != null) {
            appendWaiting(group);
        }
        if (mine.failure instanceof Error) {
            throw (Error) mine.failure;
        }
        if (mine.failure != null) {
            throw (RuntimeException) mine.failure;
        }
    }

    private void appendWaiting(List<Waiting> group) {
        Throwable failure = null;
        try {
            decidedAll(group.stream().map(each -> each.decision).collect(Collectors.toList()));
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            synchronized (waiting) {
                for (Waiting each : group) {
                    each.failure = failure;
                    each.finished = true;
                }
                appending = false;
                waiting.notifyAll();
            }
        }
    }

    /** How many decisions wait for the append under way (tests). */
    int waitingDecisions() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    /** A decision waiting to be appended by {@link #decided}, and how its group's append ended; guarded by {@link #waiting}. */
    private static final class Waiting {
        final Decision decision;
        boolean finished;
        Throwable failure;

        Waiting(Decision decision) {
            this.decision = decision;
        }
    }

    /**
     * Appends the records of {@code decisions}, in their order, as one group: under one file
     * lock, in one write, forced to the disk once. With a signing key only the group's last
     * record carries a signature; since each record's hash covers the hash of the one before it,
     * that signature vouches for the whole group (and for the signed log before it), and one
     * Ed25519 signature is paid per group instead of per record. Before it signs, it checks the
     * log's last record: that it is whole, matches its hash, and is signed by this very key, so
     * that its signature never covers records someone else appended; otherwise it refuses and
     * appends nothing. When the group cannot be written, what was written of it is removed, so a
     * group is appended whole or not at all.
     *
     * <pre>{@code
     * AuditLog log = AuditLog.builder(Path.of("decisions.jsonl")).signingKey(key).build();
     * List<Decision> decisions = List.of(advisor.decide(first), advisor.decide(second));  // an advisor without the log as listener
     * log.decidedAll(decisions);                    // records n+1 and n+2; only n+2 carries a signature
     * }</pre>
     *
     * @param decisions the decisions in the order their records take; an empty list appends nothing
     * @throws AuditLogException when the records cannot be written, naming the log file, or when
     *     a signing log's last record is not signed by its key (naming its line); nothing of the
     *     group is then in the log
     */
    public void decidedAll(List<Decision> decisions) {
        List<Decision> group = List.copyOf(decisions);
        if (group.isEmpty()) {
            return;
        }
        Object monitor = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new Object());
        synchronized (monitor) {
            append(group);
        }
    }

    private void append(List<Decision> group) {
        boolean created = !Files.exists(file);
        long start = -1;
        byte[] bytes = null;
        try (FileChannel channel = opener.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            long size = channel.size();
            Tail tail = lastRecord(channel, size);
            if (size > 0) {
                checkTail(channel, size, tail);
            }
            long seq = tail.seq();
            String previousHash = tail.hash();
            String time = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
            String[] signed = null;
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < group.size(); i++) {
                Decision decision = group.get(i);
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("seq", ++seq);
                record.put("time", time);
                record.put("previousHash", previousHash);
                record.put("toolVersion", StackAdvisor.toolVersion());
                record.put("rules", rules != null ? rules : rulesOf(decision));
                record.put("actor", actor);
                record.put("decision", Access.root().toMap(decision));
                String body = Json.write(record, false);
                String hash = Hashing.sha256(body.getBytes(StandardCharsets.UTF_8));
                lines.append(body, 0, body.length() - 1).append(HASH_FIELD).append(hash).append('"');
                if (signer != null && i == group.size() - 1) {
                    signed = new String[] {hash, signer.sign(hash)};
                    lines.append(SIGNATURE_FIELD).append(signed[1]).append('"');
                }
                lines.append("}\n");
                previousHash = hash;
            }
            bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
            start = size;
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = size;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(true);
            if (signed != null) {
                lastSigned = signed;
            }
        } catch (IOException e) {
            String cause = (group.size() == 1 ? "cannot append the decision's record: "
                    : "cannot append the records of " + group.size() + " decisions: ") + describe(e);
            throw failure(0, start < 0 ? cause : cause + rollBack(start, bytes, group.size()));
        }
        if (created) {
            syncDirectory();
        }
    }

    /** Where the decision's rule base came from: {@value #BUNDLED} or its absolute folder. */
    private static String rulesOf(Decision decision) {
        Path directory = Access.root().trace(decision).ruleBase().files.directory;
        return directory == null ? BUNDLED : directory.toString();
    }

    /**
     * Refuses to extend a log whose last record this log's key did not sign (or, without a key,
     * a signed log): a signature covers every record before it, so signing after a record that
     * someone appended without the key would vouch for it. The last record's signature is
     * checked without the public key: Ed25519 is deterministic (RFC 8032), so this key's
     * signature of the stored hash is the stored signature exactly when this key made it. The
     * signature this log made last is remembered, so a log that only this writer extends pays
     * one signature per group, not two.
     */
    private void checkTail(FileChannel channel, long size, Tail tail) throws IOException {
        if (signer == null) {
            if (tail.signature() != null) {
                int line = lineCount(channel, size);
                throw failure(line, "line " + line + " is signed: this log is signed,"
                        + " and a record appended without its signing key would be covered by no signature, so 'audit verify"
                        + " --public-key' would fail on it. Append with the log's signing key (--signing-key)");
            }
            return;
        }
        String verify = "; run 'audit verify " + file + " --public-key KEY.pub' to see what was added";
        if (tail.signature() == null) {
            int line = lineCount(channel, size);
            throw failure(line, "line " + line + " is not signed: it was appended without the signing key, or its signature"
                    + " was removed. A signed log is signed from its first record, so this key does not sign after it (an"
                    + " unsigned log is not continued signed: start a new log)" + verify);
        }
        if (!Hashing.sha256(tail.body().getBytes(StandardCharsets.UTF_8)).equals(tail.hash())) {
            int line = lineCount(channel, size);
            throw failure(line, "line " + line + " was edited: its content does not match its hash, so this key does not"
                    + " sign after it" + verify);
        }
        String[] known = lastSigned;
        String expected = known != null && known[0].equals(tail.hash()) ? known[1] : signer.sign(tail.hash());
        if (!Arrays.equals(decodedSignature(expected), decodedSignature(tail.signature()))) {
            int line = lineCount(channel, size);
            throw failure(line, "line " + line + " is not signed by this signing key: it was signed with another key, or"
                    + " its signature was forged. This key extends only a log it signed itself" + verify);
        }
    }

    /** The bytes of a Base64 signature, or null when it is not 64 bytes of Base64. */
    private static byte[] decodedSignature(String signature) {
        try {
            byte[] bytes = Base64.getDecoder().decode(signature);
            return bytes.length == 64 ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How many lines a log of {@code size} bytes that ends with a line end holds; read only when an append is refused. */
    private static int lineCount(FileChannel channel, long size) throws IOException {
        int lines = 0;
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        for (long position = 0; position < size; position += buffer.position()) {
            buffer.clear();
            readFully(channel, buffer, position);
            if (buffer.position() == 0) {
                break;
            }
            for (int i = 0; i < buffer.position(); i++) {
                if (buffer.get(i) == '\n') {
                    lines++;
                }
            }
        }
        return lines;
    }

    /**
     * Removes what a failed append left at the end of the log (a cut-off record, or a whole one
     * that could not be forced to the disk), so that a failed decision leaves no record and the
     * log stays open for the next one. Runs after the failed channel, and with it the file lock,
     * is closed: another process that appended meanwhile found the cut-off line and refused, so
     * the tail is removed only when it is (a prefix of) exactly the bytes this append wrote.
     */
    private String rollBack(long start, byte[] record, int records) {
        String what = records == 1 ? "record" : "group of " + records + " records";
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            long size = channel.size();
            if (size <= start) {
                return "; nothing of the " + what + " was written";
            }
            if (size - start > record.length) {
                return "; the log has grown past the " + what + " meanwhile, so it was left as it is: run 'audit verify " + file + "'";
            }
            ByteBuffer tail = ByteBuffer.allocate((int) (size - start));
            readFully(channel, tail, start);
            if (!Arrays.equals(tail.array(), 0, tail.position(), record, 0, tail.capacity()) || tail.hasRemaining()) {
                return "; the end of the log is not this " + what + ", so it was left as it is: run 'audit verify " + file + "'";
            }
            channel.truncate(start);
            channel.force(true);
            return "; the partly written " + what + " was removed, the log ends with the record before it";
        } catch (IOException e) {
            return "; the partly written " + what + " could not be removed (" + describe(e) + "): 'audit verify " + file
                    + "' reports it as the last line";
        }
    }

    /** The last record of a log as an append needs it: its seq, its hash, its signature (or null) and the body its hash is over. */
    private record Tail(long seq, String hash, String signature, String body) {
    }

    /** The last record, read from the end of the file; seq 0 and GENESIS for an empty log. */
    private Tail lastRecord(FileChannel channel, long size) throws IOException {
        if (size == 0) {
            return new Tail(0, GENESIS, null, null);
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
            Matcher end = RECORD_END.matcher(text);
            if (record != null && record.path("seq").canConvertToLong() && end.find()) {
                return new Tail(record.get("seq").asLong(), end.group(1), end.group(2), text.substring(0, end.start()) + "}");
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
     * hash; with a public key, that every signature is valid and that the last record is signed
     * (each signature covers its group: the unsigned records since the signature before it; a
     * signature that fails is reported at its group's first line, naming the lines it covers, and
     * unsigned records at the end at the first of them); with an expected head
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
        /** The first line of the records since the last signed one (0 when the last record is signed), and the hash before it. */
        private int groupStart;
        private String hashBeforeGroup;
        /** The line of the last signed record: it and every record before it are covered by a signature. */
        private int covered;
        /** Set when a signature fails: the whole group it closes is then untrusted, not only its line. */
        private AuditVerification groupFailure;

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
                    failed[0] = groupFailure != null ? groupFailure : result(lineNumber, problem);
                    return false;
                }
                records++;
                return true;
            });
            if (failed[0] != null) {
                return failed[0];
            }
            if (publicKey != null && groupStart != 0) {
                return untrustedGroup(unsignedTail());
            }
            if (expectedHead != null && headLine == 0) {
                return result(0, "the anchored record " + expectedHead + " is not in the log: it, or records before it,"
                        + " were rewritten or removed (or the anchor is from another log)");
            }
            return result(0, null);
        }

        private AuditVerification result(int line, String problem) {
            return new AuditVerification(records, line, problem, previousHash, publicKey != null, signed, covered, headLine);
        }

        /** A failure of the open group, named by its first line: no record of it is vouched for, those before it are. */
        private AuditVerification untrustedGroup(String problem) {
            return new AuditVerification(groupStart - 1, groupStart, problem, hashBeforeGroup, true, signed, covered,
                    headLine < groupStart ? headLine : 0);
        }

        private String unsignedTail() {
            if (signed == 0) {
                return "unsigned log: no record carries a signature, so none is vouched for (it was written without a signing"
                        + " key, or its signatures were removed)";
            }
            return groupStart == records
                    ? "unsigned record at the end of the log: no signed record follows it, so no signature covers it; it was"
                            + " appended without the signing key, or its signature was removed"
                    : "unsigned records at the end of the log: lines " + groupStart + " to " + records + " carry no signature"
                            + " and no signed record follows them; they were appended without the signing key, or the"
                            + " signature that closed their group was removed";
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
            String signatureProblem = checkSignature(hash, signature, lineNumber);
            if (signatureProblem != null) {
                return signatureProblem;
            }
            if (signature == null && groupStart == 0) {
                groupStart = lineNumber;
                hashBeforeGroup = previousHash;
            } else if (signature != null) {
                groupStart = 0;
                covered = lineNumber;
            }
            previousHash = hash;
            previousTime = time;
            if (hash.equals(expectedHead)) {
                headLine = lineNumber;
            }
            return null;
        }

        /**
         * Checks a record's signature, if it has one, with the public key, if there is one. An
         * unsigned record passes here: the next signed record's signature covers it, and an
         * unsigned record that none follows fails at the end of the log.
         */
        private String checkSignature(String hash, String signature, int lineNumber) {
            if (signature == null) {
                return null;
            }
            if (publicKey == null) {
                if (decodedSignature(signature) == null) {
                    return "not an audit record: its signature is not 64 bytes of Base64";
                }
                signed++;
                return null;
            }
            byte[] bytes = decodedSignature(signature);
            try {
                Signature check = Signature.getInstance(AuditKeys.ALGORITHM);
                check.initVerify(publicKey);
                check.update(hash.getBytes(StandardCharsets.US_ASCII));
                if (bytes != null && check.verify(bytes)) {
                    signed++;
                    return null;
                }
            } catch (GeneralSecurityException e) {
                // a signature the algorithm cannot read is as bad as one that does not match
            }
            if (groupStart == 0) {
                return "signature does not match: the record was forged or edited without the private key, or signed with"
                        + " another key";
            }
            groupFailure = untrustedGroup("the signature on line " + lineNumber + " does not match, and it covers lines "
                    + groupStart + " to " + lineNumber + ", signed together as one group: a record among them was forged or"
                    + " edited without the private key, or the group was signed with another key");
            return groupFailure.problem();
        }
    }
}
