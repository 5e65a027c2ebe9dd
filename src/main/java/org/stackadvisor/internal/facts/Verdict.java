package org.stackadvisor.internal.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The decision: a candidate ID, or {@code either} when nothing tips the balance. */
public final class Verdict implements RuleFact {
    private final String candidate;

    public Verdict(String candidate) {
        this.candidate = Objects.requireNonNull(candidate, "candidate");
    }

    public String getCandidate() {
        return candidate;
    }

    @Override
    public String type() {
        return "Verdict";
    }

    @Override
    public boolean isInput() {
        return false;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("candidate", candidate);
        return attributes;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Verdict)) {
            return false;
        }
        Verdict that = (Verdict) other;
        return candidate.equals(that.candidate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(candidate);
    }

    @Override
    public String toString() {
        return RuleFact.describe(this);
    }
}
