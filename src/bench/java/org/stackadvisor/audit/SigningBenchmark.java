package org.stackadvisor.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.json.Hashing;

/**
 * What signing adds to an audit record, side by side in one run: (a) the record's hash alone,
 * which every append computes, against (b) the hash and its Ed25519 signature, as a signed append
 * of one record computes them ({@link RecordSigner}, with the log's own {@link Ed25519Signer}),
 * and (b0) the same with the JDK's {@code Signature}, which signed records before; (c) checking one signature, as {@code audit
 * verify --public-key} does per signed record; (d) a signed group of {@link Group#size} records
 * ({@link AuditLog#decidedAll}): the tail check (the last record's hash recomputed, and its
 * signature made again to compare, as when another writer of the key appended last), each
 * record's hash, and one signature for the group. The record is a real one: the live-chat
 * decision's line (about 30 KB). Run it with {@code bench/signing}; b - a is the signing cost of
 * a group of one without its tail check, d / size - a that of a record in a group of that size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class SigningBenchmark {
    private byte[] body;
    private KeyPair keys;
    private RecordSigner signer;
    private String hash;
    private byte[] signature;
    private String storedSignature;

    @Setup
    public void setUp() throws Exception {
        Path log = Files.createTempFile("signing-benchmark", ".jsonl");
        Files.delete(log);
        StackAdvisor.builder().listener(new AuditLog(log, Clock.systemUTC())).build().decide(Path.of("facts/live-chat.json"));
        List<String> lines = Files.readAllLines(log);
        Files.delete(log);
        String line = lines.get(0);
        body = (line.substring(0, line.lastIndexOf(",\"hash\":\"")) + "}").getBytes(StandardCharsets.UTF_8);
        keys = KeyPairGenerator.getInstance(AuditKeys.ALGORITHM).generateKeyPair();
        hash = Hashing.sha256(body);
        signer = RecordSigner.of(keys.getPrivate());
        storedSignature = signer.sign(hash);
        if (!storedSignature.equals(jdkSignature(hash))) {
            throw new IllegalStateException("the log's signer and the JDK's disagree");
        }
        signature = Base64.getDecoder().decode(storedSignature);
    }

    /** The number of records in a signed group, for (d). */
    @State(Scope.Thread)
    public static class Group {
        @Param({"1", "16", "256"})
        public int size;
    }

    @Benchmark
    public String a_recordHash() {
        return Hashing.sha256(body);
    }

    @Benchmark
    public String b_recordHashAndSignature() {
        return signer.sign(Hashing.sha256(body));
    }

    @Benchmark
    public String b0_recordHashAndJdkSignature() {
        return jdkSignature(Hashing.sha256(body));
    }

    private String jdkSignature(String recordHash) {
        try {
            Signature signature = Signature.getInstance(AuditKeys.ALGORITHM);
            signature.initSign(keys.getPrivate());
            signature.update(recordHash.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** (d): one signed group; JMH's time is the group's, per record it is that over the size. */
    @Benchmark
    public String d_signedGroup(Group group) {
        return signedGroup(group.size, false);
    }

    /**
     * What a signing append computes for a group of {@code size} records, the record I/O and
     * JSON aside: the tail check, then each record's hash and the last one's signature. With
     * {@code tailRemembered} the tail's signature is the one this writer made last and needs no
     * new signature (AuditLog keeps it), as in a batch or a long-running service.
     */
    String signedGroup(int size, boolean tailRemembered) {
        if (!Hashing.sha256(body).equals(hash)) {
            throw new IllegalStateException("the tail's hash");
        }
        String tailSignature = tailRemembered ? storedSignature : signer.sign(hash);
        if (!tailSignature.equals(storedSignature)) {
            throw new IllegalStateException("the tail's signature");
        }
        String last = null;
        for (int i = 0; i < size; i++) {
            last = Hashing.sha256(body);
        }
        return signer.sign(last);
    }

    @Benchmark
    public boolean c_checkSignature() throws Exception {
        Signature check = Signature.getInstance(AuditKeys.ALGORITHM);
        check.initVerify(keys.getPublic());
        check.update(hash.getBytes(StandardCharsets.US_ASCII));
        return check.verify(signature);
    }
}
