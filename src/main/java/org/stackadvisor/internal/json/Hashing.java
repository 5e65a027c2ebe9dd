package org.stackadvisor.internal.json;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lowercase hex. */
public final class Hashing {
    /** Cloned for each hash: cheaper than looking the algorithm up among the security providers every time. */
    private static final MessageDigest SHA_256 = newSha256();
    private static final HexFormat HEX = HexFormat.of();

    private Hashing() {
    }

    public static String sha256(byte[] bytes) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = newSha256();
        }
        return HEX.formatHex(digest.digest(bytes));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
