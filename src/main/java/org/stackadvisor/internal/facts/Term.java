package org.stackadvisor.internal.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An input fact: one term of the project's facts, such as {@code traits = real-time} or {@code team.experience = new}. Lists give one term per element, booleans the text {@code true} or {@code false}. */
public final class Term implements RuleFact {
    private final String field;
    private final String value;

    public Term(String field, String value) {
        this.field = Objects.requireNonNull(field, "field");
        this.value = Objects.requireNonNull(value, "value");
    }

    public String getField() {
        return field;
    }

    public String getValue() {
        return value;
    }

    @Override
    public String type() {
        return "Term";
    }

    @Override
    public boolean isInput() {
        return true;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("field", field);
        attributes.put("value", value);
        return attributes;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Term)) {
            return false;
        }
        Term that = (Term) other;
        return field.equals(that.field)
            && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, value);
    }

    @Override
    public String toString() {
        return RuleFact.describe(this);
    }
}
