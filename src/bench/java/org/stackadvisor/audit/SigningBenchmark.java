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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.json.Hashing;

/**
 * What signing adds to an audit record, side by side in one run: (a) the record's hash alone,
 * which every append computes, against (b) the hash and its Ed25519 signature, as a signed append
 * computes them ({@link AuditLog#sign}); (c) checking one signature, as {@code audit verify
 * --public-key} does per record. The record is a real one: the live-chat decision's line (about
 * 30 KB). Run it with {@code bench/signing}; b - a is the signing cost per record.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class SigningBenchmark {
    private byte[] body;
    private KeyPair keys;
    private String hash;
    private byte[] signature;

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
        signature = Base64.getDecoder().decode(AuditLog.sign(keys.getPrivate(), hash));
    }

    @Benchmark
    public String a_recordHash() {
        return Hashing.sha256(body);
    }

    @Benchmark
    public String b_recordHashAndSignature() {
        return AuditLog.sign(keys.getPrivate(), Hashing.sha256(body));
    }

    @Benchmark
    public boolean c_checkSignature() throws Exception {
        Signature check = Signature.getInstance(AuditKeys.ALGORITHM);
        check.initVerify(keys.getPublic());
        check.update(hash.getBytes(StandardCharsets.US_ASCII));
        return check.verify(signature);
    }
}
