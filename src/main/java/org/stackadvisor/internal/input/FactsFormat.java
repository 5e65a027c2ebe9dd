package org.stackadvisor.internal.input;

import java.util.Locale;

/** The formats a facts document can be written in. */
public enum FactsFormat {
    JSON("JSON"), YAML("YAML");

    private final String label;

    FactsFormat(String label) {
        this.label = label;
    }

    /** As messages name it: {@code JSON} or {@code YAML}. */
    public String label() {
        return label;
    }

    /** A file's format by its name: YAML for {@code .yaml} and {@code .yml} (any case), JSON otherwise. */
    public static FactsFormat ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
    }

    /**
     * The format of a document that comes without a file name (standard input): JSON when its first
     * character other than white space (or a byte order mark) is <code>{</code>, {@code [} or
     * {@code /} (a comment, which JSON then refuses in plain words), YAML otherwise. A JSON object is
     * also YAML, so either way a JSON document reads the same; what differs is which parser's rules
     * and messages apply.
     */
    public static FactsFormat sniff(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{' || c == '[' || c == '/' ? JSON : YAML;
            }
        }
        return JSON;
    }
}
