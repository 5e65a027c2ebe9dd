package org.stackadvisor.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 signing (RFC 8032, section 5.1.6) with a precomputed table of the base point's
 * multiples, so that a signature costs one fixed-base multiplication. Why not the JDK's
 * {@code Signature}: it multiplies the base point twice per signature (the nonce's point and the
 * public key again) by a generic ladder, about 1 ms a signature, ten times this. The output is
 * the JDK's to the byte, as Ed25519 is deterministic ({@code Ed25519SignerTest} compares both on
 * thousands of keys and messages and checks RFC 8032's vectors); keys are still made and read by
 * the JDK ({@link AuditKeys}) and signatures checked by it ({@code audit verify}).
 *
 * <p>Points are in extended coordinates (X : Y : Z : T) on -x^2 + y^2 = 1 + d x^2 y^2, added with
 * the formulas of Hisil, Wong, Carter and Dawson (2008). The multiplication reads the scalar as
 * 64 signed digits in [-8, 8] (ref10's recoding) and picks each digit's multiple from the table by
 * a masked scan of all eight entries, so neither its time nor the memory it reads depends on the
 * secret scalar. Thread-safe: nothing is shared but the table, which is never written after it
 * is read.
 */
final class Ed25519Signer {
    private static final int KEY_BYTES = 32;

    private final byte[] scalar;
    private final byte[] prefix;
    private final byte[] publicKey;

    /** A signer for the 32-byte private key (RFC 8032's "seed"). */
    Ed25519Signer(byte[] seed) {
        if (seed.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 private key is 32 bytes, not " + seed.length);
        }
        byte[] digest = sha512(seed);
        scalar = Arrays.copyOf(digest, KEY_BYTES);
        scalar[0] &= (byte) 248;
        scalar[31] &= 127;
        scalar[31] |= 64;
        prefix = Arrays.copyOfRange(digest, KEY_BYTES, 2 * KEY_BYTES);
        publicKey = BaseTable.multiply(scalar).encode();
    }

    /** A signer for the JDK's Ed25519 private key. */
    static Ed25519Signer of(PrivateKey key) {
        String kind = key instanceof EdECPrivateKey ? ((EdECPrivateKey) key).getParams().getName() : key.getAlgorithm();
        if (!NamedParameterSpec.ED25519.getName().equalsIgnoreCase(kind)) {
            throw new IllegalArgumentException("not an Ed25519 private key: an " + kind + " key");
        }
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key does not reveal its bytes"));
        return new Ed25519Signer(seed);
    }

    /** The encoded public key, 32 bytes (RFC 8032, section 5.1.5). */
    byte[] publicKey() {
        return publicKey.clone();
    }

    /** The 64-byte signature of {@code message}: R, the encoded nonce point, then S. */
    byte[] sign(byte[] message) {
        byte[] nonce = Scalar25519.reduce(sha512(prefix, message));
        byte[] r = BaseTable.multiply(nonce).encode();
        byte[] challenge = Scalar25519.reduce(sha512(r, publicKey, message));
        byte[] s = Scalar25519.multiplyAdd(challenge, scalar, nonce);
        byte[] signature = Arrays.copyOf(r, 2 * KEY_BYTES);
        System.arraycopy(s, 0, signature, KEY_BYTES, KEY_BYTES);
        return signature;
    }

    private static byte[] sha512(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-512", e);
        }
    }

    /**
     * A point in extended coordinates (X : Y : Z : T), x = X/Z, y = Y/Z, xy = T/Z, with the scratch
     * its operations need, changed in place: one multiplication allocates nothing per step.
     */
    private static final class Point {
        final long[] x = new long[Field25519.LIMBS];
        final long[] y = new long[Field25519.LIMBS];
        final long[] z = new long[Field25519.LIMBS];
        final long[] t = new long[Field25519.LIMBS];
        private final long[] a = new long[Field25519.LIMBS];
        private final long[] b = new long[Field25519.LIMBS];
        private final long[] c = new long[Field25519.LIMBS];
        private final long[] d = new long[Field25519.LIMBS];
        private final long[] e = new long[Field25519.LIMBS];
        private final long[] f = new long[Field25519.LIMBS];
        private final long[] g = new long[Field25519.LIMBS];
        private final long[] h = new long[Field25519.LIMBS];

        /** The neutral element (0, 1). */
        Point() {
            y[0] = 1;
            z[0] = 1;
        }

        /**
         * Adds the affine point (y+x, y-x, 2d xy): "madd-2008-hwcd-3" for a = -1, complete on
         * Ed25519 (it adds a point to itself and to the neutral element alike).
         */
        void add(long[] qYPlusX, long[] qYMinusX, long[] qXy2d) {
            Field25519.subtract(a, y, x);
            Field25519.multiply(a, a, qYMinusX);
            Field25519.add(b, y, x);
            Field25519.multiply(b, b, qYPlusX);
            Field25519.multiply(c, t, qXy2d);
            Field25519.add(d, z, z);
            Field25519.subtract(e, b, a);
            Field25519.subtract(f, d, c);
            Field25519.add(g, d, c);
            Field25519.add(h, b, a);
            finish();
        }

        /** Doubles this point ("dbl-2008-hwcd" for a = -1). */
        void twice() {
            Field25519.square(a, x);
            Field25519.square(b, y);
            Field25519.square(c, z);
            Field25519.add(c, c, c);
            Field25519.add(e, x, y);
            Field25519.square(e, e);
            Field25519.subtract(e, e, a);
            Field25519.subtract(e, e, b);
            Field25519.subtract(g, b, a);
            Field25519.subtract(f, g, c);
            Field25519.add(h, a, b);
            Field25519.negate(h, h);
            finish();
        }

        /** (E F : G H : F G : E H), where both formulas end. */
        private void finish() {
            Field25519.multiply(x, e, f);
            Field25519.multiply(y, g, h);
            Field25519.multiply(z, f, g);
            Field25519.multiply(t, e, h);
        }

        /** The encoding: y, with the parity of x in the top bit (RFC 8032, section 5.1.2). */
        byte[] encode() {
            Field25519.invert(a, z);
            Field25519.multiply(b, x, a);
            Field25519.multiply(c, y, a);
            byte[] out = Field25519.toBytes(c);
            out[31] |= (byte) (Field25519.isOdd(b) << 7);
            return out;
        }
    }

    /**
     * The multiples j * 256^i * B (j = 1..8, i = 0..31) of the base point B as affine points
     * (y+x, y-x, 2d xy), read on first use from {@value #RESOURCE}, and the multiplication that
     * reads them. The file is made, and checked in every build, by {@code Ed25519SignerTest} from
     * the curve's definition with {@code BigInteger} arithmetic: reading 256 lines costs a process
     * that signs once a millisecond, where computing them cost about a hundred before the JIT
     * compiler had started.
     */
    private static final class BaseTable {
        static final String RESOURCE = "ed25519-base-multiples.txt";
        private static final int ROWS = 32;
        private static final int MULTIPLES = 8;
        /** An entry's three coordinates, one after the other. */
        private static final int ENTRY = 3 * Field25519.LIMBS;
        /** Row i holds its eight entries one after the other: a row is scanned as one array. */
        private static final long[][] TABLE = read();

        private static long[][] read() {
            long[][] table = new long[ROWS][MULTIPLES * ENTRY];
            boolean[][] seen = new boolean[ROWS][MULTIPLES];
            InputStream in = Ed25519Signer.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
                HexFormat hex = HexFormat.of();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] fields = line.trim().split(" ");
                    int row = Integer.parseInt(fields[0]);
                    int multiple = Integer.parseInt(fields[1]) - 1;
                    for (int coordinate = 0; coordinate < 3; coordinate++) {
                        long[] value = Field25519.fromBytes(hex.parseHex(fields[2 + coordinate]));
                        System.arraycopy(value, 0, table[row], multiple * ENTRY + coordinate * Field25519.LIMBS, Field25519.LIMBS);
                    }
                    seen[row][multiple] = true;
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(RESOURCE + " cannot be read: " + e, e);
            }
            for (boolean[] row : seen) {
                for (boolean entry : row) {
                    if (!entry) {
                        throw new IllegalStateException(RESOURCE + " lacks entries");
                    }
                }
            }
            return table;
        }

        /** scalar * B for a 32-byte little-endian scalar whose top bit is clear. */
        static Point multiply(byte[] scalar) {
            int[] digits = new int[64];
            for (int i = 0; i < 32; i++) {
                digits[2 * i] = scalar[i] & 15;
                digits[2 * i + 1] = (scalar[i] >> 4) & 15;
            }
            int carry = 0;
            for (int i = 0; i < 63; i++) {
                digits[i] += carry;
                carry = (digits[i] + 8) >> 4;
                digits[i] -= carry << 4;
            }
            digits[63] += carry;
            // sum of digit_i 16^i = 16 * (odd digits at 256^((i-1)/2)) + (even digits at 256^(i/2))
            Point sum = new Point();
            Selection chosen = new Selection();
            for (int i = 1; i < 64; i += 2) {
                chosen.select(i / 2, digits[i]);
                sum.add(chosen.yPlusX, chosen.yMinusX, chosen.xy2d);
            }
            for (int doubling = 0; doubling < 4; doubling++) {
                sum.twice();
            }
            for (int i = 0; i < 64; i += 2) {
                chosen.select(i / 2, digits[i]);
                sum.add(chosen.yPlusX, chosen.yMinusX, chosen.xy2d);
            }
            return sum;
        }

        /** One entry picked from a row, reused from digit to digit. */
        private static final class Selection {
            final long[] yPlusX = new long[Field25519.LIMBS];
            final long[] yMinusX = new long[Field25519.LIMBS];
            final long[] xy2d = new long[Field25519.LIMBS];
            private final long[] swap = new long[Field25519.LIMBS];
            private final long[] entry = new long[ENTRY];

            /** digit * 256^row * B for a digit in [-8, 8]; every entry of the row is read, whatever the digit. */
            void select(int row, int digit) {
                int negative = digit >>> 31;
                int magnitude = digit - ((-negative & digit) << 1);
                Arrays.fill(entry, 0);
                entry[0] = 1;
                entry[Field25519.LIMBS] = 1;
                long[] entries = TABLE[row];
                for (int j = 0; j < MULTIPLES; j++) {
                    long mask = -(long) (((magnitude ^ (j + 1)) - 1) >>> 31);
                    int at = j * ENTRY;
                    for (int i = 0; i < ENTRY; i++) {
                        entry[i] ^= (entry[i] ^ entries[at + i]) & mask;
                    }
                }
                System.arraycopy(entry, 0, yPlusX, 0, Field25519.LIMBS);
                System.arraycopy(entry, Field25519.LIMBS, yMinusX, 0, Field25519.LIMBS);
                System.arraycopy(entry, 2 * Field25519.LIMBS, xy2d, 0, Field25519.LIMBS);
                // -(x, y) = (-x, y): y+x and y-x trade places, xy changes sign
                Field25519.copy(swap, yPlusX);
                Field25519.conditionalMove(yPlusX, yMinusX, negative);
                Field25519.conditionalMove(yMinusX, swap, negative);
                Field25519.negate(swap, xy2d);
                Field25519.conditionalMove(xy2d, swap, negative);
            }
        }
    }
}
