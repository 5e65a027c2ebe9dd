package org.stackadvisor;

import java.util.List;

/** What the manifest's vocabulary allows for one facts field. */
final class FieldSpec {
    enum Type {
        /** A list of terms from {@link #terms}. */
        LIST,
        /** One term from {@link #terms}. */
        VALUE,
        /** Any lowercase word; {@link #terms} lists the ones the rules know. */
        WORD,
        /** true or false. */
        BOOLEAN
    }

    static final String WORD_PATTERN = "[a-z][a-z0-9-]*";
    static final String TERM_PATTERN = "[a-z0-9][a-z0-9.+-]*";

    final String path;
    final Type type;
    final List<String> terms;

    FieldSpec(String path, Type type, List<String> terms) {
        this.path = path;
        this.type = type;
        this.terms = List.copyOf(terms);
    }

    String describeType() {
        switch (type) {
            case LIST:
                return "a list of terms";
            case VALUE:
                return "one of the terms";
            case WORD:
                return "a lowercase word";
            default:
                return "true or false";
        }
    }
}
