package org.stackadvisor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.stackadvisor.internal.facts.Term;

/**
 * A project's facts after validation, in canonical form: list fields sorted and without
 * duplicates, absent single values left out, keys in a fixed order. Two documents that differ
 * only in list order or key order have the same canonical form and the same hash.
 */
final class ValidFacts {
    final String name;
    final SortedMap<String, Object> values;
    final Map<String, Object> canonical;
    final String canonicalJson;
    final String sha256;

    ValidFacts(String name, SortedMap<String, Object> values) {
        this.name = name;
        this.values = values;
        this.canonical = nest(name, values);
        this.canonicalJson = Json.write(canonical, false);
        this.sha256 = Hashing.sha256(canonicalJson.getBytes(StandardCharsets.UTF_8));
    }

    /** The input facts the rules match: one {@link Term} per list element and single value. */
    List<Term> terms() {
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nest(String name, SortedMap<String, Object> values) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Map<String, Object> node = root;
            String[] parts = entry.getKey().split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                node = (Map<String, Object>) node.computeIfAbsent(parts[i], key -> new LinkedHashMap<>());
            }
            node.put(parts[parts.length - 1], entry.getValue());
        }
        return Json.sortedKeys(root);
    }
}
