package org.stackadvisor.internal.vocabulary;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What the manifest's vocabulary allows for one facts field. */
public final class FieldSpec {
    public enum Type {
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

    static final Pattern WORD = Pattern.compile(WORD_PATTERN);
    private static final Pattern SPACING = Pattern.compile("[\\s_]+");

    public final String path;
    /** Where the field sits in a facts document, as problems name it: {@code $.team.skills}. */
    final String jsonPath;
    public final Type type;
    public final List<String> terms;
    /** The same terms, for lookups: a vocabulary may hold thousands. */
    final Set<String> termSet;
    /** Other names users give a term, in lower case, each to the term it means: {@code typescript -> javascript}. */
    final Map<String, String> aliases;

    FieldSpec(String path, Type type, List<String> terms) {
        this(path, type, terms, Map.of());
    }

    FieldSpec(String path, Type type, List<String> terms, Map<String, String> aliases) {
        this.path = path;
        this.jsonPath = "$." + path;
        this.type = type;
        this.terms = List.copyOf(terms);
        this.termSet = Set.copyOf(terms);
        this.aliases = Map.copyOf(aliases);
    }

    /**
     * The term a given name means: itself when known, else, with case, spaces and underscores aside
     * ({@code Real time} is {@code real-time}), the term or the term it is an alias of; else null.
     */
    String understand(String given) {
        if (termSet.contains(given)) {
            return given;
        }
        String lower = given.strip().toLowerCase(Locale.ROOT);
        String hyphenated = SPACING.matcher(lower).replaceAll("-");
        for (String name : new String[] {lower, hyphenated}) {
            if (termSet.contains(name)) {
                return name;
            }
            String alias = aliases.get(name);
            if (alias != null) {
                return alias;
            }
        }
        return null;
    }

    /** Whether {@code term} is one of the terms. */
    public boolean knows(String term) {
        return termSet.contains(term);
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
