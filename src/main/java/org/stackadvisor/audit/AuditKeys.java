package org.stackadvisor.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.stackadvisor.Problem;

/**
 * The Ed25519 key pair that signs audit records, as PEM files: the private key in {@code
 * audit-key} (PKCS#8, readable by its owner only where the file system has POSIX permissions)
 * and the public key in {@code audit-key.pub} (X.509). Keys are made and read, and signatures
 * checked, by the JDK's own Ed25519; records are signed by the log's own implementation of it,
 * whose signatures are the JDK's to the byte at a tenth of the cost (SECURITY.md, "Who signs").
 *
 * <pre>{@code
 * AuditKeys.generate(Path.of("keys"));                                  // keys/audit-key, keys/audit-key.pub
 * AuditLog log = AuditLog.builder(Path.of("decisions.jsonl"))
 *         .signingKey(AuditKeys.readPrivateKey(Path.of("keys/audit-key"))).build();
 * AuditLog.verify(Path.of("decisions.jsonl"), AuditKeys.readPublicKey(Path.of("keys/audit-key.pub")), null);
 * }</pre>
 */
public final class AuditKeys {
    /** The private key's file name in the folder {@link #generate} writes to. */
    public static final String PRIVATE_KEY_FILE = "audit-key";
    /** The public key's file name in the folder {@link #generate} writes to. */
    public static final String PUBLIC_KEY_FILE = "audit-key.pub";
    /** The signature algorithm of audit records. */
    public static final String ALGORITHM = "Ed25519";

    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    private static final long MAX_KEY_FILE_BYTES = 64 * 1024;

    private AuditKeys() {
    }

    /**
     * Writes a new Ed25519 key pair into {@code folder} (made if missing): {@value #PRIVATE_KEY_FILE}
     * and {@value #PUBLIC_KEY_FILE}. Never overwrites: when either file exists, nothing is written.
     *
     * @return the private key's file
     * @throws AuditLogException when a key file exists already or a file cannot be written, naming it
     */
    public static Path generate(Path folder) {
        Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
        Path publicFile = folder.resolve(PUBLIC_KEY_FILE);
        for (Path existing : List.of(privateFile, publicFile)) {
            if (Files.exists(existing)) {
                throw exists(existing);
            }
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw failure(privateFile, "this Java runtime has no " + ALGORITHM + " (" + e.getMessage() + ")");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw failure(folder, "cannot make the folder: " + describe(e));
        }
        write(privateFile, pem(PRIVATE_LABEL, pair.getPrivate().getEncoded()), true);
        try {
            write(publicFile, pem(PUBLIC_LABEL, pair.getPublic().getEncoded()), false);
        } catch (AuditLogException e) {
            try {
                Files.deleteIfExists(privateFile);
            } catch (IOException ignored) {
                // the message below names the public key's file; the private one is the owner's to remove
            }
            throw e;
        }
        return privateFile;
    }

    /**
     * Reads the private key that signs records: a PKCS#8 PEM file as {@link #generate} writes.
     *
     * @throws AuditLogException when the file is missing, unreadable or not an Ed25519 private key
     */
    public static PrivateKey readPrivateKey(Path file) {
        byte[] der = readPem(file, PRIVATE_LABEL, "the signing key is the private key (" + PRIVATE_KEY_FILE
                + "), not the public one");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw failure(file, "is not an " + ALGORITHM + " private key (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads the public key that checks signatures: an X.509 PEM file as {@link #generate} writes.
     *
     * @throws AuditLogException when the file is missing, unreadable or not an Ed25519 public key
     */
    public static PublicKey readPublicKey(Path file) {
        byte[] der = readPem(file, PUBLIC_LABEL, "signatures are checked with the public key (" + PUBLIC_KEY_FILE
                + "); never hand out the private one");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw failure(file, "is not an " + ALGORITHM + " public key (" + e.getMessage() + ")");
        }
    }

    private static void write(Path file, String text, boolean ownerOnly) {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        ownerOnly ? "rw-------" : "rw-r--r--"))}
                : new FileAttribute<?>[0];
        try (OutputStream out = Channels.newOutputStream(Files.newByteChannel(file,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes))) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        } catch (FileAlreadyExistsException e) {
            throw exists(file);
        } catch (IOException e) {
            throw failure(file, "cannot be written: " + describe(e));
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] readPem(Path file, String label, String wrongKind) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw failure(file, "is a folder; name the key file in it (" + PRIVATE_KEY_FILE + " or " + PUBLIC_KEY_FILE + ")");
            }
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw failure(file, "is larger than " + MAX_KEY_FILE_BYTES + " bytes: not a key file");
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw failure(file, "no such file");
        } catch (IOException e) {
            throw failure(file, "cannot be read: " + describe(e));
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            String other = label.equals(PRIVATE_LABEL) ? PUBLIC_LABEL : PRIVATE_LABEL;
            throw failure(file, text.contains("-----BEGIN " + other + "-----") ? "holds a " + other.toLowerCase()
                    + ": " + wrongKind : "is not a PEM key file (no '" + begin + "' line)");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw failure(file, "its PEM text is not Base64 (" + e.getMessage() + ")");
        }
    }

    private static AuditLogException exists(Path file) {
        return failure(file, "exists already; keygen never overwrites a key: move it away or choose another folder");
    }

    static AuditLogException failure(Path file, String message) {
        return new AuditLogException(List.of(new Problem(file.toString(), 0, 0, "", message)));
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " " + e.getMessage();
    }
}
