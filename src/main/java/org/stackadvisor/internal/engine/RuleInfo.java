package org.stackadvisor.internal.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the trace says of one rule: its name, section, cited claims, file, line and hash. */
public final class RuleInfo {
    public final String name;
    public final String section;
    public final List<String> claims;
    public final String file;
    public final int line;
    final String sha256;

    RuleInfo(String name, String section, List<String> claims, String file, int line, String sha256) {
        this.name = name;
        this.section = section;
        this.claims = List.copyOf(claims);
        this.file = file;
        this.line = line;
        this.sha256 = sha256;
    }

    /** Reads {@code @section} and {@code @claims} from a rule's metadata. */
    static RuleInfo of(String name, Map<String, Object> metadata, RuleSource source) {
        Object section = metadata.get("section");
        return new RuleInfo(name, section == null ? "" : unquote(section.toString()), claimIds(metadata.get("claims")),
                source == null ? "" : source.file, source == null ? 0 : source.line, source == null ? "" : source.sha256());
    }

    static List<String> claimIds(Object claims) {
        if (claims == null) {
            return List.of();
        }
        return Arrays.stream(unquote(claims.toString()).split("[,\\s]+"))
                .map(String::trim).filter(id -> !id.isEmpty()).collect(Collectors.toList());
    }

    private static String unquote(String text) {
        String trimmed = text.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }
}
