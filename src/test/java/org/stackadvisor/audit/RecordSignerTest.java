package org.stackadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Which keys sign records: the JDK's Ed25519 keys, and another provider's that the JDK can take in. */
class RecordSignerTest {
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void whenTheKeyIsTheJdks_thenTheRecordSignatureIsTheJdksSignatureOfTheHashInBase64() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        assertThat(RecordSigner.of(pair.getPrivate()).sign(HASH)).isEqualTo(jdkSignature(pair.getPrivate()));
    }

    @Test
    void whenAnotherProvidersKeyHasAPkcs8Encoding_thenItSignsAsTheJdkKeyWould() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PrivateKey foreign = new PrivateKey() {
            @Override
            public String getAlgorithm() {
                return "Ed25519";
            }

            @Override
            public String getFormat() {
                return "PKCS#8";
            }

            @Override
            public byte[] getEncoded() {
                return pair.getPrivate().getEncoded();
            }
        };

        assertThat(RecordSigner.of(foreign).sign(HASH)).isEqualTo(jdkSignature(pair.getPrivate()));
    }

    @Test
    void whenTheKeyIsNotEd25519_thenItIsRefusedNamingWhy() throws Exception {
        PrivateKey rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        PrivateKey ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPrivate();

        assertThatThrownBy(() -> RecordSigner.of(rsa)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an Ed25519 private key");
        assertThatThrownBy(() -> RecordSigner.of(ed448)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an Ed25519 private key: an Ed448 key");
        assertThatThrownBy(() -> AuditLog.builder(java.nio.file.Path.of("log.jsonl")).signingKey(rsa))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an Ed25519 private key");
    }

    private static String jdkSignature(PrivateKey key) throws Exception {
        return Base64.getEncoder().encodeToString(Ed25519SignerTest.jdkSignature(key, HASH.getBytes(StandardCharsets.US_ASCII)));
    }
}
