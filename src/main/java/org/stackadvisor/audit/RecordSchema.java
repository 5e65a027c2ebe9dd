package org.stackadvisor.audit;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The record schema ({@code schema/audit-record.schema.json}) as {@code audit verify} checks it
 * on a parsed record: the fields a record and its decision require, and their types. A record of
 * the previous format (without {@code toolVersion}, {@code rules} and {@code actor}) passes.
 */
final class RecordSchema {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> RECORD_FIELDS = Set.of("seq", "time", "previousHash", "toolVersion", "rules", "actor",
            "decision", "hash", "signature");
    private static final List<String> CONTEXT_FIELDS = List.of("toolVersion", "rules", "actor");

    private RecordSchema() {
    }

    /** What is wrong with the record's fields, or null when it has the record schema's shape. */
    static String problem(Object parsed) {
        if (!(parsed instanceof Map)) {
            return "not a JSON object";
        }
        Map<?, ?> record = (Map<?, ?>) parsed;
        for (Object key : record.keySet()) {
            if (!RECORD_FIELDS.contains(key)) {
                return "unknown field '" + key + "'";
            }
        }
        if (!(record.get("seq") instanceof Integer || record.get("seq") instanceof Long || record.get("seq") instanceof BigInteger)
                || ((Number) record.get("seq")).longValue() < 1) {
            return "seq must be a whole number of at least 1";
        }
        if (!(record.get("time") instanceof String)) {
            return "time is required, an ISO-8601 UTC time";
        }
        try {
            Instant.parse((String) record.get("time"));
        } catch (DateTimeParseException e) {
            return "time '" + record.get("time") + "' is not an ISO-8601 UTC time such as 2026-01-02T03:04:05.678Z";
        }
        if (!(record.get("previousHash") instanceof String) || !SHA256.matcher((String) record.get("previousHash")).matches()) {
            return "previousHash is required, 64 hexadecimal digits";
        }
        long context = CONTEXT_FIELDS.stream().filter(record::containsKey).count();
        if (context != 0 && context != CONTEXT_FIELDS.size()) {
            return "toolVersion, rules and actor come together (a record of the previous format has none of them)";
        }
        for (String field : CONTEXT_FIELDS) {
            if (record.containsKey(field) && !(record.get(field) instanceof String && !((String) record.get(field)).isBlank())) {
                return field + " must be a text that is not blank";
            }
        }
        return decisionProblem(record.get("decision"));
    }

    private static String decisionProblem(Object value) {
        if (!(value instanceof Map)) {
            return "decision is required, a JSON object";
        }
        Map<?, ?> decision = (Map<?, ?>) value;
        String problem = require(decision, "decision", Map.of("project", String.class, "verdict", String.class,
                "scores", Map.class, "conclusions", List.class, "firings", List.class, "knowledgeBase", Map.class,
                "input", Map.class));
        if (problem == null) {
            problem = optional(decision, Map.of("tensions", List.class, "notWeighed", List.class, "understood", List.class,
                    "robustness", Map.class));
        }
        if (problem == null) {
            for (Map.Entry<?, ?> score : ((Map<?, ?>) decision.get("scores")).entrySet()) {
                if (!(score.getValue() instanceof Integer)) {
                    return "decision.scores." + score.getKey() + " must be a whole number";
                }
            }
            problem = require((Map<?, ?>) decision.get("knowledgeBase"), "decision.knowledgeBase", Map.of("sha256", String.class));
        }
        if (problem == null) {
            problem = require((Map<?, ?>) decision.get("input"), "decision.input", Map.of("facts", Map.class, "sha256", String.class));
        }
        return problem;
    }

    private static String require(Map<?, ?> object, String where, Map<String, Class<?>> fields) {
        for (String field : fields.keySet().stream().sorted().toList()) {
            if (!fields.get(field).isInstance(object.get(field))) {
                return where + "." + field + (object.containsKey(field) ? " must be " : " is required, ")
                        + kind(fields.get(field));
            }
        }
        return null;
    }

    private static String optional(Map<?, ?> object, Map<String, Class<?>> fields) {
        for (String field : fields.keySet().stream().sorted().toList()) {
            if (object.containsKey(field) && !fields.get(field).isInstance(object.get(field))) {
                return "decision." + field + " must be " + kind(fields.get(field));
            }
        }
        return null;
    }

    private static String kind(Class<?> type) {
        return type == String.class ? "a text" : type == Map.class ? "a JSON object" : "a list";
    }
}
