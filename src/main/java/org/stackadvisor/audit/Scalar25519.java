package org.stackadvisor.audit;

import java.math.BigInteger;

/**
 * Arithmetic modulo L = 2^252 + 27742317777372353535851937790883648493, the order of Ed25519's
 * base point, for {@link Ed25519Signer}: the nonce and the signature's S are secret-derived, so
 * numbers are kept as signed 21-bit limbs and reduced by a fixed number of rounds that fold
 * every limb at or above 2^252 down (2^252 = -l0 mod L, l0 the 125-bit rest of L), then by three
 * masked subtractions; no branch or index depends on the values.
 */
final class Scalar25519 {
    static final BigInteger L = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

    private static final int BITS = 21;
    /** Limbs of a reduced scalar: 11 of 21 bits and a top one that holds the rest. */
    private static final int SCALAR_LIMBS = 12;
    /** Limbs of a 32-byte input: 12 of 21 bits and the top 4 bits. */
    private static final int INPUT_LIMBS = 13;
    /** Room for a 512-bit hash or a product of two scalars, and the carries out of them. */
    private static final int WORK_LIMBS = 26;
    /** -l0 in six signed 21-bit digits: what a limb at 2^252 times 2^(21 k) becomes at 2^(21 k). */
    private static final long[] MINUS_L0 = signedDigits(L.subtract(BigInteger.ONE.shiftLeft(252)).negate(), 6);
    private static final long[] L_LIMBS = unsignedLimbs(L);

    private Scalar25519() {
    }

    /** A 64-byte little-endian number (a SHA-512 digest) modulo L, as 32 bytes little-endian. */
    static byte[] reduce(byte[] wide) {
        return reduced(limbs(wide));
    }

    /** {@code (a * b + c) mod L} of three 32-byte little-endian numbers, as 32 bytes little-endian. */
    static byte[] multiplyAdd(byte[] a, byte[] b, byte[] c) {
        long[] x = limbs(a);
        long[] y = limbs(b);
        long[] s = limbs(c);
        for (int i = 0; i < INPUT_LIMBS; i++) {
            for (int j = 0; j < INPUT_LIMBS; j++) {
                s[i + j] += x[i] * y[j];
            }
        }
        return reduced(s);
    }

    private static byte[] reduced(long[] s) {
        carry(s, WORK_LIMBS - 1);
        // each round shrinks the value from 2^512 to 2^385, 2^259, 2^252 + 2^132 and 2^252 + 2^125 at most
        for (int round = 0; round < 4; round++) {
            fold(s);
            carry(s, WORK_LIMBS - 1);
        }
        fold(s);
        carry(s, SCALAR_LIMBS - 1);
        return Field25519.littleEndian(canonical(s), SCALAR_LIMBS, BITS, BITS);
    }

    /**
     * Replaces every limb k >= 12 by -l0 times it at limbs k - 12 and up. The limbs folded are
     * taken before any is added to, and are within 2^21, so each limb gains at most 6 * 2^40.
     */
    private static void fold(long[] s) {
        long[] high = new long[WORK_LIMBS];
        for (int k = SCALAR_LIMBS; k < WORK_LIMBS; k++) {
            high[k] = s[k];
            s[k] = 0;
        }
        for (int k = SCALAR_LIMBS; k < WORK_LIMBS; k++) {
            for (int m = 0; m < MINUS_L0.length; m++) {
                s[k - SCALAR_LIMBS + m] += high[k] * MINUS_L0[m];
            }
        }
    }

    /** Rounds limbs 0 to top - 1 to within 2^20, carrying up; limb {@code top} keeps the rest. */
    private static void carry(long[] s, int top) {
        for (int k = 0; k < top; k++) {
            long c = (s[k] + (1L << (BITS - 1))) >> BITS;
            s[k] -= c << BITS;
            s[k + 1] += c;
        }
    }

    /** Carries so that limbs 0 to 10 are in [0, 2^21); limb 11 keeps the rest, with its sign. */
    private static void floorCarry(long[] s) {
        for (int k = 0; k < SCALAR_LIMBS - 1; k++) {
            long c = s[k] >> BITS;
            s[k] -= c << BITS;
            s[k + 1] += c;
        }
    }

    /** The value of limbs 0 to 11, which lies in (-4L, 4L), brought into [0, L). */
    private static long[] canonical(long[] s) {
        long[] v = new long[SCALAR_LIMBS];
        for (int k = 0; k < SCALAR_LIMBS; k++) {
            v[k] = s[k] + 4 * L_LIMBS[k];
        }
        floorCarry(v);
        for (int multiple = 4; multiple >= 1; multiple /= 2) {
            long[] t = new long[SCALAR_LIMBS];
            for (int k = 0; k < SCALAR_LIMBS; k++) {
                t[k] = v[k] - multiple * L_LIMBS[k];
            }
            floorCarry(t);
            long keep = t[SCALAR_LIMBS - 1] >> 63;
            for (int k = 0; k < SCALAR_LIMBS; k++) {
                v[k] = (v[k] & keep) | (t[k] & ~keep);
            }
        }
        return v;
    }

    /** Limbs of 21 bits of a little-endian number, in a work array; the last holds the bits above. */
    private static long[] limbs(byte[] littleEndian) {
        int bits = littleEndian.length * 8;
        long[] s = new long[WORK_LIMBS];
        for (int k = 0; k * BITS < bits; k++) {
            s[k] = Field25519.bits(littleEndian, k * BITS, Math.min(BITS, bits - k * BITS));
        }
        return s;
    }

    private static long[] signedDigits(BigInteger value, int count) {
        long[] digits = new long[count];
        BigInteger rest = value;
        BigInteger radix = BigInteger.ONE.shiftLeft(BITS);
        for (int i = 0; i < count; i++) {
            long digit = rest.mod(radix).longValue();
            if (digit >= 1L << (BITS - 1)) {
                digit -= 1L << BITS;
            }
            digits[i] = digit;
            rest = rest.subtract(BigInteger.valueOf(digit)).shiftRight(BITS);
        }
        if (rest.signum() != 0) {
            throw new IllegalStateException("l0 does not fit " + count + " digits");
        }
        return digits;
    }

    private static long[] unsignedLimbs(BigInteger value) {
        long[] limbs = new long[SCALAR_LIMBS];
        for (int k = 0; k < SCALAR_LIMBS; k++) {
            limbs[k] = value.shiftRight(k * BITS).longValue() & (k == SCALAR_LIMBS - 1 ? -1L : (1L << BITS) - 1);
        }
        return limbs;
    }
}
