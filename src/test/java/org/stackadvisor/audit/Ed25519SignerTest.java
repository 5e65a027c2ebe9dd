package org.stackadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The audit log's own Ed25519 signer against the JDK's: Ed25519 is deterministic, so for the same
 * key and message both must give the same 64 bytes, and its field and scalar arithmetic against
 * {@link BigInteger}.
 */
class Ed25519SignerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    private static final String BASE_MULTIPLES = "ed25519-base-multiples.txt";

    @ParameterizedTest(name = "RFC 8032 test {index}")
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60, d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '',"
                + " e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb, 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72,"
                + " 92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7, fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82,"
                + " 6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    })
    void whenSigningRfc8032sVectors_thenThePublicKeyAndSignatureAreTheRfcsAndTheJdksAlike(
            String secret, String publicKey, String message, String signature) throws Exception {
        Ed25519Signer signer = new Ed25519Signer(HEX.parseHex(secret));
        byte[] bytes = HEX.parseHex(message);

        assertThat(HEX.formatHex(signer.publicKey())).isEqualTo(publicKey);
        assertThat(HEX.formatHex(signer.sign(bytes))).isEqualTo(signature);
        assertThat(HEX.formatHex(jdkSignature(HEX.parseHex(secret), bytes))).isEqualTo(signature);
    }

    @Test
    void whenSigningRandomMessagesWithRandomKeys_thenEverySignatureIsTheJdksToTheByte() throws Exception {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int i = 0; i < 1500; i++) {
            byte[] seed = bytes(random, 32);
            if (i < 4) {
                Arrays.fill(seed, (byte) (i == 0 ? 0 : i == 1 ? 0xff : i == 2 ? 1 : 0x80));
            }
            byte[] message = bytes(random, i % 3 == 0 ? 64 : random.nextInt(300));
            byte[] ours = new Ed25519Signer(seed).sign(message);
            assertThat(HEX.formatHex(ours)).as("key %s, message %s", HEX.formatHex(seed), HEX.formatHex(message))
                    .isEqualTo(HEX.formatHex(jdkSignature(seed, message)));
        }
    }

    @Test
    void whenTheKeyIsTheJdks_thenTheSignerTakesItsBytesAndTheJdkVerifiesItsSignatures() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] message = "6f1c0b3e9a".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        Signature verify = Signature.getInstance("Ed25519");
        verify.initVerify(pair.getPublic());
        verify.update(message);

        assertThat(verify.verify(Ed25519Signer.of(pair.getPrivate()).sign(message))).isTrue();
        byte[] encoded = pair.getPublic().getEncoded();
        assertThat(Ed25519Signer.of(pair.getPrivate()).publicKey()).isEqualTo(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    @Test
    void whenTheKeyIsNotEd25519_thenTheSignerRefusesIt() throws Exception {
        PrivateKey ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPrivate();
        PrivateKey rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();

        assertThatThrownBy(() -> Ed25519Signer.of(ed448)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an Ed25519 private key: an Ed448 key");
        assertThatThrownBy(() -> Ed25519Signer.of(rsa)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an Ed25519 private key: an RSA key");
        assertThatThrownBy(() -> new Ed25519Signer(new byte[31])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void whenThreadsShareOneSigner_thenEachSignatureIsTheOneOfItsMessage() throws Exception {
        Ed25519Signer signer = new Ed25519Signer(bytes(new SplittableRandom(7), 32));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> signatures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] message = ("record " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                signatures.add(pool.submit(() -> signer.sign(message)));
            }
            for (int i = 0; i < 200; i++) {
                byte[] message = ("record " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                assertThat(signatures.get(i).get()).isEqualTo(signer.sign(message));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenFieldElementsAreMultipliedAddedAndInverted_thenTheResultsAreTheBigIntegersModP() {
        BigInteger p = P;
        SplittableRandom random = new SplittableRandom(1);
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE),
                p.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE), BigInteger.valueOf(19)));
        for (int i = 0; i < 300; i++) {
            values.add(new BigInteger(1, bytes(random, 32)));
        }
        for (int i = 0; i < values.size(); i++) {
            BigInteger a = values.get(i);
            BigInteger b = values.get((i * 7 + 3) % values.size());
            long[] fa = Field25519.fromBytes(littleEndian(a.mod(p), 32));
            long[] fb = Field25519.fromBytes(littleEndian(b.mod(p), 32));
            long[] out = new long[Field25519.LIMBS];
            Field25519.multiply(out, fa, fb);
            assertThat(value(Field25519.toBytes(out))).as("%s * %s", a, b).isEqualTo(a.multiply(b).mod(p));
            Field25519.subtract(out, fa, fb);
            assertThat(value(Field25519.toBytes(out))).as("%s - %s", a, b).isEqualTo(a.subtract(b).mod(p));
            Field25519.add(out, fa, fb);
            assertThat(value(Field25519.toBytes(out))).as("%s + %s", a, b).isEqualTo(a.add(b).mod(p));
            Field25519.negate(out, fa);
            assertThat(value(Field25519.toBytes(out))).as("-%s", a).isEqualTo(a.negate().mod(p));
            if (a.mod(p).signum() != 0) {
                Field25519.invert(out, fa);
                assertThat(value(Field25519.toBytes(out))).as("1 / %s", a).isEqualTo(a.modInverse(p));
            }
        }
    }

    @Test
    void whenScalarsAreReducedAndMultiplied_thenTheResultsAreTheBigIntegersModL() {
        BigInteger l = Scalar25519.L;
        SplittableRandom random = new SplittableRandom(2);
        List<byte[]> wide = new ArrayList<>(List.of(new byte[64], filled(64, 0xff), littleEndian(l, 64),
                littleEndian(l.subtract(BigInteger.ONE), 64), littleEndian(l.add(BigInteger.ONE), 64),
                littleEndian(l.shiftLeft(1), 64), littleEndian(BigInteger.ONE.shiftLeft(252), 64)));
        for (int i = 0; i < 2000; i++) {
            wide.add(bytes(random, 64));
        }
        for (byte[] w : wide) {
            assertThat(value(Scalar25519.reduce(w))).as(HEX.formatHex(w)).isEqualTo(value(w).mod(l));
        }
        List<byte[]> narrow = new ArrayList<>(List.of(new byte[32], filled(32, 0xff), littleEndian(l.subtract(BigInteger.ONE), 32),
                littleEndian(l, 32), filled(32, 0x7f)));
        for (int i = 0; i < 2000; i++) {
            narrow.add(bytes(random, 32));
        }
        for (int i = 0; i < narrow.size(); i++) {
            byte[] a = narrow.get(i);
            byte[] b = narrow.get((i * 5 + 1) % narrow.size());
            byte[] c = narrow.get((i * 11 + 2) % narrow.size());
            assertThat(value(Scalar25519.multiplyAdd(a, b, c))).isEqualTo(value(a).multiply(value(b)).add(value(c)).mod(l));
        }
    }

    @Test
    void whenTheBaseMultiplesAreComputedFromTheCurve_thenTheShippedTableHoldsExactlyThem() throws Exception {
        String computed = baseMultiples();
        String shipped;
        try (var in = Ed25519Signer.class.getResourceAsStream(BASE_MULTIPLES)) {
            shipped = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
        if (!computed.equals(shipped)) {
            Path made = Path.of("target", BASE_MULTIPLES);
            Files.writeString(made, computed);
            fail(BASE_MULTIPLES + " is not what the curve gives; the computed table is in " + made.toAbsolutePath()
                    + ": copy it to src/main/resources/org/stackadvisor/audit/ if the computation is right");
        }
    }

    /**
     * j * 256^i * B for i = 0..31 and j = 1..8 by the affine addition law of the twisted Edwards
     * curve -x^2 + y^2 = 1 + d x^2 y^2, in {@link BigInteger}: an oracle that shares no code with
     * the signer's field arithmetic.
     */
    private static String baseMultiples() {
        BigInteger p = P;
        BigInteger d = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(p)).mod(p);
        BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(p)).mod(p);
        BigInteger x2 = y.pow(2).subtract(BigInteger.ONE).multiply(d.multiply(y.pow(2)).add(BigInteger.ONE).modInverse(p)).mod(p);
        BigInteger x = x2.modPow(p.add(BigInteger.valueOf(3)).shiftRight(3), p);
        if (!x.pow(2).mod(p).equals(x2)) {
            x = x.multiply(BigInteger.TWO.modPow(p.subtract(BigInteger.ONE).shiftRight(2), p)).mod(p);
        }
        if (x.testBit(0)) {
            x = p.subtract(x);
        }
        assertThat(x.pow(2).negate().add(y.pow(2)).mod(p)).isEqualTo(BigInteger.ONE.add(d.multiply(x.pow(2)).multiply(y.pow(2))).mod(p));
        StringBuilder out = new StringBuilder("# j * 256^i * B for i = 0..31 and j = 1..8, B the Ed25519 base point (RFC 8032): a line\n"
                + "# \"i j y+x y-x 2dxy\", the affine point's sums and product mod 2^255 - 19, each 32 bytes little-endian\n"
                + "# in hex. Made by Ed25519SignerTest from the curve's definition, which checks it in every build: do not edit.\n");
        BigInteger[] rowBase = {x, y};
        for (int row = 0; row < 32; row++) {
            BigInteger[] multiple = rowBase;
            for (int j = 1; j <= 8; j++) {
                BigInteger mx = multiple[0];
                BigInteger my = multiple[1];
                out.append(row).append(' ').append(j).append(' ').append(hex(my.add(mx))).append(' ').append(hex(my.subtract(mx)))
                        .append(' ').append(hex(d.shiftLeft(1).multiply(mx).multiply(my))).append('\n');
                multiple = edwardsSum(multiple, rowBase, d);
            }
            for (int doubling = 0; doubling < 8; doubling++) {
                rowBase = edwardsSum(rowBase, rowBase, d);
            }
        }
        return out.toString();
    }

    private static BigInteger[] edwardsSum(BigInteger[] a, BigInteger[] b, BigInteger d) {
        BigInteger p = P;
        BigInteger t = d.multiply(a[0]).multiply(b[0]).multiply(a[1]).multiply(b[1]).mod(p);
        BigInteger x = a[0].multiply(b[1]).add(a[1].multiply(b[0])).multiply(BigInteger.ONE.add(t).modInverse(p)).mod(p);
        BigInteger y = a[1].multiply(b[1]).add(a[0].multiply(b[0])).multiply(BigInteger.ONE.subtract(t).mod(p).modInverse(p)).mod(p);
        return new BigInteger[] {x, y};
    }

    private static String hex(BigInteger value) {
        return HEX.formatHex(littleEndian(value.mod(P), 32));
    }

    private static byte[] jdkSignature(byte[] seed, byte[] message) throws Exception {
        return jdkSignature(KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)),
                message);
    }

    /** The JDK's Ed25519 signature: what the log's signer must give to the byte. */
    static byte[] jdkSignature(PrivateKey key, byte[] message) throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(message);
        return signature.sign();
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static BigInteger value(byte[] littleEndian) {
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    private static byte[] littleEndian(BigInteger value, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = value.shiftRight(8 * i).byteValue();
        }
        return out;
    }
}
