package org.stackadvisor.audit;

/**
 * Arithmetic modulo p = 2^255 - 19, the field of Curve25519, for {@link Ed25519Signer}. An
 * element is ten signed limbs in radix 2^25.5 (limb i weighs 2^ceil(25.5 i): widths 26, 25, 26,
 * ...), as in the reference implementation of Ed25519 ("ref10"): a product of two limbs fits a
 * {@code long} with room for the sums, and 2^255 = 19 (mod p) folds the high half of a product
 * back. Every operation leaves its result carried (each limb within half its width, give or
 * take 19), which is what keeps the next product from overflowing; none branches on or indexes
 * by the values, so the time taken does not depend on secret data.
 */
final class Field25519 {
    static final int LIMBS = 10;

    private Field25519() {
    }

    private static int width(int limb) {
        return (limb & 1) == 0 ? 26 : 25;
    }

    /** The element a 32-byte little-endian encoding gives, its top bit ignored (RFC 8032, section 5.1.3). */
    static long[] fromBytes(byte[] littleEndian) {
        long[] f = new long[LIMBS];
        int offset = 0;
        for (int i = 0; i < LIMBS; i++) {
            f[i] = bits(littleEndian, offset, width(i));
            offset += width(i);
        }
        carry(f);
        return f;
    }

    /** The {@code width} (at most 57) bits of a little-endian number from bit {@code offset} on; bits past its end are 0. */
    static long bits(byte[] littleEndian, int offset, int width) {
        long window = 0;
        for (int k = 0, at = offset >> 3; k < 8 && at < littleEndian.length; k++, at++) {
            window |= (long) (littleEndian[at] & 0xff) << (8 * k);
        }
        return (window >>> (offset & 7)) & ((1L << width) - 1);
    }

    static void copy(long[] out, long[] f) {
        System.arraycopy(f, 0, out, 0, LIMBS);
    }

    static void add(long[] out, long[] f, long[] g) {
        for (int i = 0; i < LIMBS; i++) {
            out[i] = f[i] + g[i];
        }
        carry(out);
    }

    static void subtract(long[] out, long[] f, long[] g) {
        for (int i = 0; i < LIMBS; i++) {
            out[i] = f[i] - g[i];
        }
        carry(out);
    }

    static void negate(long[] out, long[] f) {
        for (int i = 0; i < LIMBS; i++) {
            out[i] = -f[i];
        }
        carry(out);
    }

    /**
     * {@code out = f * g}; out may be f or g. The product of limbs i and j weighs twice limb
     * i+j's weight when both are odd (25.5 rounds up twice), and a term at limb 10 or above
     * weighs 2^255 times limb i+j-10's: 19 times it. With carried inputs (limbs within 2^25)
     * no sum exceeds 2^58.
     */
    static void multiply(long[] out, long[] f, long[] g) {
        long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4], f5 = f[5], f6 = f[6], f7 = f[7], f8 = f[8], f9 = f[9];
        long g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4], g5 = g[5], g6 = g[6], g7 = g[7], g8 = g[8], g9 = g[9];
        long g1x19 = 19 * g1, g2x19 = 19 * g2, g3x19 = 19 * g3, g4x19 = 19 * g4, g5x19 = 19 * g5, g6x19 = 19 * g6, g7x19 = 19 * g7, g8x19 = 19 * g8, g9x19 = 19 * g9;
        long f1x2 = 2 * f1, f3x2 = 2 * f3, f5x2 = 2 * f5, f7x2 = 2 * f7, f9x2 = 2 * f9;
        long h0 = f0 * g0 + f1x2 * g9x19 + f2 * g8x19 + f3x2 * g7x19 + f4 * g6x19 + f5x2 * g5x19 + f6 * g4x19 + f7x2 * g3x19 + f8 * g2x19 + f9x2 * g1x19;
        long h1 = f0 * g1 + f1 * g0 + f2 * g9x19 + f3 * g8x19 + f4 * g7x19 + f5 * g6x19 + f6 * g5x19 + f7 * g4x19 + f8 * g3x19 + f9 * g2x19;
        long h2 = f0 * g2 + f1x2 * g1 + f2 * g0 + f3x2 * g9x19 + f4 * g8x19 + f5x2 * g7x19 + f6 * g6x19 + f7x2 * g5x19 + f8 * g4x19 + f9x2 * g3x19;
        long h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g9x19 + f5 * g8x19 + f6 * g7x19 + f7 * g6x19 + f8 * g5x19 + f9 * g4x19;
        long h4 = f0 * g4 + f1x2 * g3 + f2 * g2 + f3x2 * g1 + f4 * g0 + f5x2 * g9x19 + f6 * g8x19 + f7x2 * g7x19 + f8 * g6x19 + f9x2 * g5x19;
        long h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1 + f5 * g0 + f6 * g9x19 + f7 * g8x19 + f8 * g7x19 + f9 * g6x19;
        long h6 = f0 * g6 + f1x2 * g5 + f2 * g4 + f3x2 * g3 + f4 * g2 + f5x2 * g1 + f6 * g0 + f7x2 * g9x19 + f8 * g8x19 + f9x2 * g7x19;
        long h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3 + f5 * g2 + f6 * g1 + f7 * g0 + f8 * g9x19 + f9 * g8x19;
        long h8 = f0 * g8 + f1x2 * g7 + f2 * g6 + f3x2 * g5 + f4 * g4 + f5x2 * g3 + f6 * g2 + f7x2 * g1 + f8 * g0 + f9x2 * g9x19;
        long h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 + f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0;
        out[0] = h0;
        out[1] = h1;
        out[2] = h2;
        out[3] = h3;
        out[4] = h4;
        out[5] = h5;
        out[6] = h6;
        out[7] = h7;
        out[8] = h8;
        out[9] = h9;
        carry(out);
    }

    /** {@code out = f * f}, each cross product taken once and doubled. */
    static void square(long[] out, long[] f) {
        long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4], f5 = f[5], f6 = f[6], f7 = f[7], f8 = f[8], f9 = f[9];
        long h0 = f0 * f0 + 76 * (f1 * f9) + 38 * (f2 * f8) + 76 * (f3 * f7) + 38 * (f4 * f6) + 38 * (f5 * f5);
        long h1 = 2 * (f0 * f1) + 38 * (f2 * f9) + 38 * (f3 * f8) + 38 * (f4 * f7) + 38 * (f5 * f6);
        long h2 = 2 * (f0 * f2) + 2 * (f1 * f1) + 76 * (f3 * f9) + 38 * (f4 * f8) + 76 * (f5 * f7) + 19 * (f6 * f6);
        long h3 = 2 * (f0 * f3) + 2 * (f1 * f2) + 38 * (f4 * f9) + 38 * (f5 * f8) + 38 * (f6 * f7);
        long h4 = 2 * (f0 * f4) + 4 * (f1 * f3) + f2 * f2 + 76 * (f5 * f9) + 38 * (f6 * f8) + 38 * (f7 * f7);
        long h5 = 2 * (f0 * f5) + 2 * (f1 * f4) + 2 * (f2 * f3) + 38 * (f6 * f9) + 38 * (f7 * f8);
        long h6 = 2 * (f0 * f6) + 4 * (f1 * f5) + 2 * (f2 * f4) + 2 * (f3 * f3) + 76 * (f7 * f9) + 19 * (f8 * f8);
        long h7 = 2 * (f0 * f7) + 2 * (f1 * f6) + 2 * (f2 * f5) + 2 * (f3 * f4) + 38 * (f8 * f9);
        long h8 = 2 * (f0 * f8) + 4 * (f1 * f7) + 2 * (f2 * f6) + 4 * (f3 * f5) + f4 * f4 + 38 * (f9 * f9);
        long h9 = 2 * (f0 * f9) + 2 * (f1 * f8) + 2 * (f2 * f7) + 2 * (f3 * f6) + 2 * (f4 * f5);
        out[0] = h0;
        out[1] = h1;
        out[2] = h2;
        out[3] = h3;
        out[4] = h4;
        out[5] = h5;
        out[6] = h6;
        out[7] = h7;
        out[8] = h8;
        out[9] = h9;
        carry(out);
    }

    /** {@code out = f^(2^times)}. */
    private static void squareTimes(long[] out, long[] f, int times) {
        square(out, f);
        for (int i = 1; i < times; i++) {
            square(out, out);
        }
    }

    /** {@code out = z^(p-2) = 1/z} (0 for 0), by the fixed chain of 254 squarings and 11 products of ref10. */
    static void invert(long[] out, long[] z) {
        long[] t0 = new long[LIMBS];
        long[] t1 = new long[LIMBS];
        long[] t2 = new long[LIMBS];
        long[] t3 = new long[LIMBS];
        square(t0, z);                 // z^2
        squareTimes(t1, t0, 2);        // z^8
        multiply(t1, z, t1);           // z^9
        multiply(t0, t0, t1);          // z^11
        square(t2, t0);                // z^22
        multiply(t1, t1, t2);          // z^(2^5 - 1)
        squareTimes(t2, t1, 5);
        multiply(t1, t2, t1);          // z^(2^10 - 1)
        squareTimes(t2, t1, 10);
        multiply(t2, t2, t1);          // z^(2^20 - 1)
        squareTimes(t3, t2, 20);
        multiply(t2, t3, t2);          // z^(2^40 - 1)
        squareTimes(t2, t2, 10);
        multiply(t1, t2, t1);          // z^(2^50 - 1)
        squareTimes(t2, t1, 50);
        multiply(t2, t2, t1);          // z^(2^100 - 1)
        squareTimes(t3, t2, 100);
        multiply(t2, t3, t2);          // z^(2^200 - 1)
        squareTimes(t2, t2, 50);
        multiply(t1, t2, t1);          // z^(2^250 - 1)
        squareTimes(t1, t1, 5);        // z^(2^255 - 32)
        multiply(out, t1, t0);         // z^(2^255 - 21) = z^(p - 2)
    }

    /** Sets f to g when {@code move} is 1, leaves it when 0, in the same time either way. */
    static void conditionalMove(long[] f, long[] g, int move) {
        long mask = -(long) move;
        for (int i = 0; i < LIMBS; i++) {
            f[i] ^= (f[i] ^ g[i]) & mask;
        }
    }

    /**
     * Rounds each limb to within half its width, carrying the rest up, in ref10's order (two
     * chains at once, limb 4 twice); the carry out of the top limb comes back into limb 0 times
     * 19. Leaves every limb within half its width, give or take 2^-12 of it.
     */
    static void carry(long[] h) {
        // unrolled: this runs after every product and sum, and a loop over the order costs a quarter more a signature
        long c;
        c = (h[0] + (1L << 25)) >> 26;
        h[0] -= c << 26;
        h[1] += c;
        c = (h[4] + (1L << 25)) >> 26;
        h[4] -= c << 26;
        h[5] += c;
        c = (h[1] + (1L << 24)) >> 25;
        h[1] -= c << 25;
        h[2] += c;
        c = (h[5] + (1L << 24)) >> 25;
        h[5] -= c << 25;
        h[6] += c;
        c = (h[2] + (1L << 25)) >> 26;
        h[2] -= c << 26;
        h[3] += c;
        c = (h[6] + (1L << 25)) >> 26;
        h[6] -= c << 26;
        h[7] += c;
        c = (h[3] + (1L << 24)) >> 25;
        h[3] -= c << 25;
        h[4] += c;
        c = (h[7] + (1L << 24)) >> 25;
        h[7] -= c << 25;
        h[8] += c;
        c = (h[4] + (1L << 25)) >> 26;
        h[4] -= c << 26;
        h[5] += c;
        c = (h[8] + (1L << 25)) >> 26;
        h[8] -= c << 26;
        h[9] += c;
        c = (h[9] + (1L << 24)) >> 25;
        h[9] -= c << 25;
        h[0] += 19 * c;
        c = (h[0] + (1L << 25)) >> 26;
        h[0] -= c << 26;
        h[1] += c;
    }

    /** The canonical encoding: the element's value in [0, p), 32 bytes little-endian. */
    static byte[] toBytes(long[] f) {
        long[] h = f.clone();
        carry(h);
        for (int pass = 0; pass < 3; pass++) {
            floorCarry(h, true);
        }
        // h is now a value in [0, 2^255); it is p or more exactly when h + 19 reaches 2^255
        long[] t = h.clone();
        t[0] += 19;
        floorCarry(t, false);
        long reachesTop = t[LIMBS - 1] >> width(LIMBS - 1);
        t[LIMBS - 1] &= (1L << width(LIMBS - 1)) - 1;
        long mask = -reachesTop;
        for (int i = 0; i < LIMBS; i++) {
            h[i] ^= (h[i] ^ t[i]) & mask;
        }
        return littleEndian(h, LIMBS, 26, 25);
    }

    /**
     * The 32 little-endian bytes of {@code count} non-negative limbs, the even ones {@code
     * evenWidth} bits wide and the odd ones {@code oddWidth}; the bits of the last limb above its
     * width go into the last byte. The reverse of {@link #bits}.
     */
    static byte[] littleEndian(long[] limbs, int count, int evenWidth, int oddWidth) {
        byte[] out = new byte[32];
        long pending = 0;
        int pendingBits = 0;
        int next = 0;
        for (int i = 0; i < count; i++) {
            pending |= limbs[i] << pendingBits;
            pendingBits += (i & 1) == 0 ? evenWidth : oddWidth;
            for (; pendingBits >= 8 && next < out.length - 1; pendingBits -= 8) {
                out[next++] = (byte) pending;
                pending >>>= 8;
            }
        }
        out[next] = (byte) pending;
        return out;
    }

    /** Carries so that each limb is in [0, 2^width); the top limb's carry goes to limb 0 times 19 when {@code wrap}. */
    private static void floorCarry(long[] h, boolean wrap) {
        for (int i = 0; i < LIMBS; i++) {
            int width = width(i);
            long c = h[i] >> width;
            if (i < LIMBS - 1) {
                h[i] -= c << width;
                h[i + 1] += c;
            } else if (wrap) {
                h[i] -= c << width;
                h[0] += 19 * c;
            }
        }
    }

    /** Whether the canonical value is odd: the sign of x in a point's encoding. */
    static int isOdd(long[] f) {
        return toBytes(f)[0] & 1;
    }
}
