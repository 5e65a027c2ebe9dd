package org.stackadvisor.internal.vocabulary;

import org.stackadvisor.Decision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.stackadvisor.internal.facts.Term;
import org.stackadvisor.internal.json.Hashing;
import org.stackadvisor.internal.json.Json;

/**
 * A project's facts after validation, in canonical form: list fields sorted and without
 * duplicates, absent single values left out, keys in a fixed order. Two documents that differ
 * only in list order or key order have the same canonical form and the same hash.
 */
public final class ValidFacts {
    public final String name;
    public final SortedMap<String, Object> values;
    /**
     * The canonical form and its hash, made when first asked for: a caller who reads only the
     * verdict does not pay for them. Made at most a few times by threads racing for it, always the
     * same, and published through the volatile field.
     */
    private volatile Canonical canonical;

    /** Each term given under another name than the one understood (an alias, another case), in document order. */
    public final List<Decision.Reading> readings;

    public ValidFacts(String name, SortedMap<String, Object> values) {
        this(name, values, List.of());
    }

    /** Each library the catalogue knows and the vocabulary does not, with its ecosystem, by name. */
    public final SortedMap<String, String> catalogued;

    public ValidFacts(String name, SortedMap<String, Object> values, List<Decision.Reading> readings) {
        this(name, values, readings, new TreeMap<>());
    }

    public ValidFacts(String name, SortedMap<String, Object> values, List<Decision.Reading> readings,
            SortedMap<String, String> catalogued) {
        this.catalogued = Collections.unmodifiableSortedMap(new TreeMap<>(catalogued));
        this.name = name;
        this.values = values;
        this.readings = canonicalReadings(readings);
    }

    /**
     * The readings once each, in the order of field, given term and understood term: a term
     * repeated in a list, or lists and keys in another order, mean the same facts, so they give
     * the same decision, byte for byte.
     */
    private static List<Decision.Reading> canonicalReadings(List<Decision.Reading> readings) {
        Map<String, Decision.Reading> unique = new TreeMap<>();
        for (Decision.Reading reading : readings) {
            unique.putIfAbsent(reading.field() + '\u0000' + reading.given() + '\u0000' + reading.understood(), reading);
        }
        return List.copyOf(unique.values());
    }

    /** The facts nested and sorted as the decision JSON's {@code input.facts}; read-only. */
    public Map<String, Object> canonical() {
        return canonicalForm().facts;
    }

    /** {@link #canonical()} as compact JSON: the text that {@link #sha256()} hashes. */
    public String canonicalJson() {
        return canonicalForm().json;
    }

    /** The SHA-256 of {@link #canonicalJson()}. */
    public String sha256() {
        return canonicalForm().sha256;
    }

    /**
     * The SHA-256 of facts stored in canonical form, such as a saved decision's or an audit
     * record's {@code input.facts}: the same hash as {@link #sha256()}, so a stored decision's
     * {@code input.sha256} can be checked against its stored facts without a rule base. Keys are
     * taken in sorted order at every level; lists are kept in their stored order.
     */
    public static String sha256Of(Map<String, ?> canonicalFacts) {
        return sha256OfJson(Json.write(sorted(canonicalFacts), false));
    }

    private static String sha256OfJson(String canonicalJson) {
        return Hashing.sha256(canonicalJson.getBytes(StandardCharsets.UTF_8));
    }

    private static Object sorted(Object value) {
        if (!(value instanceof Map)) {
            return value;
        }
        TreeMap<String, Object> sorted = new TreeMap<>();
        ((Map<?, ?>) value).forEach((key, nested) -> sorted.put(String.valueOf(key), sorted(nested)));
        return sorted;
    }

    private Canonical canonicalForm() {
        Canonical made = canonical;
        if (made == null) {
            made = new Canonical(nest(name, values));
            canonical = made;
        }
        return made;
    }

    private static final class Canonical {
        final Map<String, Object> facts;
        final String json;
        final String sha256;

        Canonical(Map<String, Object> facts) {
            this.facts = facts;
            this.json = Json.write(facts, false);
            this.sha256 = sha256OfJson(json);
        }
    }

    /** The input facts the rules match: one {@link Term} per list element and single value. */
    public List<Term> terms() {
        List<Term> terms = new ArrayList<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof List) {
                for (Object term : (List<?>) value) {
                    terms.add(new Term(entry.getKey(), (String) term));
                }
            } else {
                terms.add(new Term(entry.getKey(), String.valueOf(value)));
            }
        }
        return terms;
    }

    /**
     * The values nested by the dots of their paths, keys sorted at every level as JSON's canonical
     * form wants them; read-only, since every decision made from these facts shares it.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> nest(String name, SortedMap<String, Object> values) {
        TreeMap<String, Object> root = new TreeMap<>();
        root.put("name", name);
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Map<String, Object> node = root;
            String path = entry.getKey();
            int from = 0;
            for (int dot = path.indexOf('.'); dot >= 0; from = dot + 1, dot = path.indexOf('.', from)) {
                node = (Map<String, Object>) node.computeIfAbsent(path.substring(from, dot), key -> new TreeMap<>());
            }
            node.put(path.substring(from), entry.getValue());
        }
        return readOnly(root);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readOnly(Map<String, Object> map) {
        map.replaceAll((key, value) -> value instanceof Map ? readOnly((Map<String, Object>) value) : value);
        return Collections.unmodifiableMap(map);
    }
}
