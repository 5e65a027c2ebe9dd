package org.stackadvisor.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a forger who can write the log but holds no private key does to it: edits, deletes or adds
 * records and recomputes every number and hash after them, keeping whatever signatures were there.
 */
final class AuditLogEdits {
    private static final Pattern END = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"(,\"signature\":\"[^\"]*\")?}$");
    private static final Pattern SEQ = Pattern.compile("^\\{\"seq\":\\d+");
    private static final Pattern PREVIOUS = Pattern.compile("\"previousHash\":\"[0-9a-f]{64}\"");

    private AuditLogEdits() {
    }

    /** The lines renumbered from 1 and chained again, each with a correct hash; signatures are kept as they were. */
    static List<String> rechain(List<String> lines) {
        List<String> chained = new ArrayList<>();
        String previous = "0".repeat(64);
        for (int i = 0; i < lines.size(); i++) {
            Matcher end = END.matcher(lines.get(i));
            if (!end.find()) {
                throw new IllegalArgumentException("not a record: line " + (i + 1));
            }
            String signature = end.group(2) == null ? "" : end.group(2);
            String body = lines.get(i).substring(0, end.start()) + "}";
            body = SEQ.matcher(body).replaceFirst("{\"seq\":" + (i + 1));
            body = PREVIOUS.matcher(body).replaceFirst("\"previousHash\":\"" + previous + "\"");
            previous = sha256(body);
            chained.add(body.substring(0, body.length() - 1) + ",\"hash\":\"" + previous + "\"" + signature + "}");
        }
        return chained;
    }

    /** The line without its signature. */
    static String unsigned(String line) {
        return line.replaceFirst(",\"signature\":\"[^\"]*\"}$", "}");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
