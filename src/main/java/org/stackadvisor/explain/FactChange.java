package org.stackadvisor.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.vocabulary.FieldSpec;
import org.stackadvisor.internal.vocabulary.ValidFacts;

/**
 * One change to a project's facts, as {@link StackAdvisor#whatIf(Project)} and the why-not
 * searches try them: add or remove one term of a list field, or set or clear a single-valued
 * field.
 *
 * <pre>{@code
 * FactChange change = alternative.changes().get(0);
 * change.field();   // "traits"
 * change.op();      // FactChange.Op.ADD
 * change.value();   // "chat"
 * change.text();    // "add 'chat' to traits"
 * }</pre>
 *
 * Immutable.
 */
public final class FactChange {
    /** What a change does to its field. */
    public enum Op {
        /** Adds a term to a list field. */
        ADD,
        /** Removes a term from a list field. */
        REMOVE,
        /** Gives a single-valued field a value, replacing the one it had, if any. */
        SET,
        /** Leaves a single-valued field out, so its value is unknown. */
        CLEAR;

        /** The name in the JSON output: {@code add}, {@code remove}, {@code set} or {@code clear}. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String field;
    private final Op op;
    private final Object value;
    private final Object previous;

    FactChange(String field, Op op, Object value, Object previous) {
        this.field = field;
        this.op = op;
        this.value = value;
        this.previous = previous;
    }

    /** The field's dotted path in the facts contract, such as {@code traits} or {@code team.experience}. */
    public String field() {
        return field;
    }

    /** What the change does. */
    public Op op() {
        return op;
    }

    /**
     * The term added or removed, or the value set: a {@code String}, or a {@code Boolean} for a
     * boolean field; null for {@link Op#CLEAR}.
     */
    public Object value() {
        return value;
    }

    /** The value a {@link Op#SET} replaced or a {@link Op#CLEAR} removed, or null when the field had none. */
    public Object previous() {
        return previous;
    }

    /** The change in words, such as {@code change systemSize from 'small' to 'large'}. */
    public String text() {
        switch (op) {
            case ADD:
                return "add " + shown(value) + " to " + field;
            case REMOVE:
                return "remove " + shown(value) + " from " + field;
            case SET:
                return previous == null ? "set " + field + " to " + shown(value)
                        : "change " + field + " from " + shown(previous) + " to " + shown(value);
            default:
                return "clear " + field + " (was " + shown(previous) + ")";
        }
    }

    private static String shown(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    /** Whether this change and {@code other} can be made together: not two values for one single-valued field. */
    boolean combinesWith(FactChange other) {
        return !field.equals(other.field) || op == Op.ADD || op == Op.REMOVE;
    }

    /** Applies the change to canonical values (lists sorted, absent fields left out), in place. */
    void applyTo(SortedMap<String, Object> values) {
        switch (op) {
            case ADD:
            case REMOVE: {
                Object current = values.get(field);
                TreeSet<String> terms = new TreeSet<>();
                if (current instanceof List) {
                    ((List<?>) current).forEach(term -> terms.add((String) term));
                }
                if (op == Op.ADD) {
                    terms.add((String) value);
                } else {
                    terms.remove(value);
                }
                values.put(field, List.copyOf(terms));
                return;
            }
            case SET:
                values.put(field, value);
                return;
            default:
                values.remove(field);
        }
    }

    /**
     * Every single change to {@code facts} within the vocabulary, in the vocabulary's field
     * order and, within a field, its term order: each list term added or removed; each other
     * allowed value set; a value cleared; a boolean flipped. A {@code word} field tries only the
     * words the rules know.
     */
    static List<FactChange> around(ValidFacts facts, Map<String, FieldSpec> vocabulary) {
        List<FactChange> changes = new ArrayList<>();
        for (FieldSpec spec : vocabulary.values()) {
            Object current = facts.values.get(spec.path);
            switch (spec.type) {
                case LIST:
                    for (String term : spec.terms) {
                        boolean present = current instanceof List && ((List<?>) current).contains(term);
                        changes.add(new FactChange(spec.path, present ? Op.REMOVE : Op.ADD, term, null));
                    }
                    break;
                case VALUE:
                case WORD:
                    for (String term : spec.terms) {
                        if (!term.equals(current)) {
                            changes.add(new FactChange(spec.path, Op.SET, term, current));
                        }
                    }
                    if (current != null) {
                        changes.add(new FactChange(spec.path, Op.CLEAR, null, current));
                    }
                    break;
                default:
                    for (Boolean flag : List.of(Boolean.TRUE, Boolean.FALSE)) {
                        if (!flag.equals(current)) {
                            changes.add(new FactChange(spec.path, Op.SET, flag, current));
                        }
                    }
                    if (current != null) {
                        changes.add(new FactChange(spec.path, Op.CLEAR, null, current));
                    }
            }
        }
        return changes;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("field", field);
        map.put("op", op.jsonName());
        if (op != Op.CLEAR) {
            map.put("value", value);
        }
        if (previous != null) {
            map.put("previous", previous);
        }
        map.put("text", text());
        return map;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FactChange)) {
            return false;
        }
        FactChange that = (FactChange) other;
        return field.equals(that.field) && op == that.op && Objects.equals(value, that.value)
                && Objects.equals(previous, that.previous);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, op, value, previous);
    }

    @Override
    public String toString() {
        return text();
    }
}
