package org.stackadvisor;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.stackadvisor.internal.vocabulary.FieldSpec;
import org.stackadvisor.internal.vocabulary.Manifest;

/**
 * Facts documents for fuzzing and soaking: valid ones generated from the bundled rule base's
 * vocabulary, and mutations of them (characters dropped, inserted or flipped, values of the
 * wrong type, unknown keys and terms, truncation, deep nesting).
 */
final class FactsDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, FieldSpec> VOCABULARY = readVocabulary();

    /** Characters that matter to JSON and to terminals, and some that are not even UTF-16 text. */
    private static final String INTERESTING = "{}[]\":,\\ \t\n0-9eE.+aZ\u0000\u001b\u007f\u00e9\u200b\uFEFF\uD800\uDC00\uFFFF";
    private static final List<String> WRONG_TYPES = List.of("0", "-1.5e3", "true", "false", "null", "[]", "{}", "\"\"",
            "1e999999", "[[[[[[]]]]]]", "{\"a\": {\"b\": 1}}", "\"\\u001b[31m\"", "99999999999999999999999");
    private static final List<String> UNKNOWN_KEYS = List.of("nme", "Traits", "team.skills", "@class", "__proto__", "",
            "$ref", "traits ", "\\u0000", "java.lang.ProcessBuilder");

    private FactsDocuments() {
    }

    private static Map<String, FieldSpec> readVocabulary() {
        try {
            return Manifest.parse(Files.readString(Path.of("rules/manifest.json")), "rules/manifest.json").vocabulary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The seed named by a system property: a number replays a run, {@code random} draws a new one;
     * without the property, {@code fixed}, so that every CI run fuzzes the same documents.
     */
    static long seed(String property, long fixed) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return fixed;
        }
        return value.equals("random") ? System.nanoTime() : Long.parseLong(value);
    }

    /** Valid facts documents: any subset of the vocabulary's fields, lists in any order, keys in any order. */
    static Gen<String> valid() {
        Gen<Map<String, Object>> fields = Generate.constant(LinkedHashMap::new);
        for (FieldSpec spec : VOCABULARY.values()) {
            Gen<Optional<Object>> value = valueOf(spec).toOptionals(30);
            fields = fields.zip(value, (map, present) -> {
                Map<String, Object> copy = new LinkedHashMap<>(map);
                present.ifPresent(v -> copy.put(spec.path, v));
                return copy;
            });
        }
        Gen<String> names = strings().basicLatinAlphabet().ofLengthBetween(1, 40)
                .mix(strings().allPossible().ofLengthBetween(1, 20), 20)
                .assuming(name -> !name.isBlank());
        return fields.zip(names, longs().all(), Generate.booleans(), FactsDocuments::render);
    }

    /** Valid documents, a quarter as they are and the rest with one to four mutations. */
    static Gen<String> mutated() {
        Gen<List<Mutation>> mutations = lists().of(mutation()).ofSizeBetween(1, 4)
                .mix(Generate.constant(List.of()), 15);
        return valid().zip(mutations, FactsDocuments::apply);
    }

    private static Gen<Object> valueOf(FieldSpec spec) {
        switch (spec.type) {
            case LIST:
                return lists().of(Generate.pick(spec.terms)).ofSizeBetween(0, 4).map(list -> (Object) list);
            case VALUE:
                return Generate.pick(spec.terms).map(term -> (Object) term);
            case WORD:
                return Generate.pick(spec.terms.isEmpty() ? List.of("retail") : spec.terms)
                        .mix(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12))
                        .map(word -> (Object) word);
            default:
                return Generate.booleans().map(flag -> (Object) flag);
        }
    }

    private static String render(Map<String, Object> fields, String name, long order, boolean pretty) {
        Map<String, Object> document = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(fields.keySet());
        keys.add("name");
        Collections.shuffle(keys, new Random(order));
        for (String key : keys) {
            Object value = key.equals("name") ? name : fields.get(key);
            int dot = key.indexOf('.');
            if (dot < 0) {
                document.put(key, value);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> group = (Map<String, Object>) document.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<>());
                group.put(key.substring(dot + 1), value);
            }
        }
        try {
            return pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) : JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random valid document, for tests that need many without a property framework (the soak). */
    static String randomValid(Random random) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FieldSpec spec : VOCABULARY.values()) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            switch (spec.type) {
                case LIST: {
                    List<String> terms = new ArrayList<>();
                    for (int i = random.nextInt(5); i > 0; i--) {
                        terms.add(spec.terms.get(random.nextInt(spec.terms.size())));
                    }
                    fields.put(spec.path, terms);
                    break;
                }
                case VALUE:
                case WORD:
                    fields.put(spec.path, spec.terms.isEmpty() ? "retail" : spec.terms.get(random.nextInt(spec.terms.size())));
                    break;
                default:
                    fields.put(spec.path, random.nextBoolean());
            }
        }
        return render(fields, "project " + random.nextInt(1000), random.nextLong(), random.nextBoolean());
    }

    /** {@code document} with one to three random mutations, for tests without a property framework. */
    static String randomlyMutated(String document, Random random) {
        List<Mutation> mutations = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            mutations.add(new Mutation(Mutation.Kind.values()[random.nextInt(Mutation.Kind.values().length)],
                    random.nextInt(10_000), random.nextInt(1 << 20)));
        }
        return apply(document, mutations);
    }

    private static Gen<Mutation> mutation() {
        return Generate.enumValues(Mutation.Kind.class).zip(integers().between(0, 9_999), integers().between(0, (1 << 20) - 1),
                Mutation::new);
    }

    static String apply(String document, List<Mutation> mutations) {
        String text = document;
        for (Mutation mutation : mutations) {
            text = mutation.apply(text);
        }
        return text;
    }

    /** One change to a document's text, at a position given in ten-thousandths of its length. */
    static final class Mutation {
        enum Kind { DELETE_CHAR, INSERT_CHAR, FLIP_BIT, DUPLICATE_SPAN, TRUNCATE, SWAP_TYPE, UNKNOWN_KEY, UNKNOWN_TERM, NEST_DEEPER }

        final Kind kind;
        final int where;
        final int payload;

        Mutation(Kind kind, int where, int payload) {
            this.kind = kind;
            this.where = where;
            this.payload = payload;
        }

        String apply(String text) {
            int at = (int) ((long) text.length() * where / 10_000);
            switch (kind) {
                case DELETE_CHAR:
                    return text.isEmpty() ? text : text.substring(0, at) + text.substring(Math.min(at + 1, text.length()));
                case INSERT_CHAR: {
                    String inserted = payload % 2 == 0 ? String.valueOf(INTERESTING.charAt(payload / 2 % INTERESTING.length()))
                            : new String(Character.toChars(payload % 0x10FFFF));
                    return text.substring(0, at) + inserted + text.substring(at);
                }
                case FLIP_BIT:
                    if (at >= text.length()) {
                        return text;
                    }
                    return text.substring(0, at) + (char) (text.charAt(at) ^ (1 << (payload % 16))) + text.substring(at + 1);
                case DUPLICATE_SPAN: {
                    int end = Math.min(text.length(), at + 1 + payload % 24);
                    return text.substring(0, end) + text.substring(at, end) + text.substring(end);
                }
                case TRUNCATE:
                    return text.substring(0, at);
                case SWAP_TYPE:
                    return replaceStringLiteral(text, at, WRONG_TYPES.get(payload % WRONG_TYPES.size()));
                case UNKNOWN_KEY: {
                    int brace = text.indexOf('{', at);
                    brace = brace < 0 ? text.indexOf('{') : brace;
                    if (brace < 0) {
                        return text;
                    }
                    String key = UNKNOWN_KEYS.get(payload % UNKNOWN_KEYS.size());
                    return text.substring(0, brace + 1) + "\"" + key + "\": " + WRONG_TYPES.get(payload / 16 % WRONG_TYPES.size())
                            + "," + text.substring(brace + 1);
                }
                case UNKNOWN_TERM:
                    return replaceStringLiteral(text, at, null);
                default: {
                    int depth = 1 + payload % 40;
                    return text.substring(0, at) + "[".repeat(depth) + "1" + "]".repeat(depth) + text.substring(at);
                }
            }
        }

        /** Replaces the string literal that starts at or after {@code at} (or a near miss of it, when {@code replacement} is null). */
        private String replaceStringLiteral(String text, int at, String replacement) {
            int open = text.indexOf('"', at);
            open = open < 0 ? text.indexOf('"') : open;
            int close = open < 0 ? -1 : text.indexOf('"', open + 1);
            if (close < 0) {
                return text;
            }
            String literal = text.substring(open + 1, close);
            if (replacement == null) {
                String nearMiss = literal.isEmpty() ? "x" : payload % 3 == 0 ? literal.substring(0, literal.length() - 1)
                        : payload % 3 == 1 ? literal.toUpperCase(java.util.Locale.ROOT) : literal + "s";
                replacement = "\"" + nearMiss + "\"";
            }
            return text.substring(0, open) + replacement + text.substring(close + 1);
        }

        @Override
        public String toString() {
            return kind + "@" + where + "/" + payload;
        }
    }
}
