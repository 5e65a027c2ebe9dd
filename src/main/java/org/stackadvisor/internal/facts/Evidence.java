package org.stackadvisor.internal.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A reason, worth {@code weight} points, to choose {@code candidate}. */
public final class Evidence implements RuleFact {
    private final String candidate;
    private final int weight;
    private final String text;

    public Evidence(String candidate, int weight, String text) {
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.weight = weight;
        this.text = Objects.requireNonNull(text, "text");
    }

    public String getCandidate() {
        return candidate;
    }

    public int getWeight() {
        return weight;
    }

    public String getText() {
        return text;
    }

    @Override
    public String type() {
        return "Evidence";
    }

    @Override
    public boolean isInput() {
        return false;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("candidate", candidate);
        attributes.put("weight", weight);
        attributes.put("text", text);
        return attributes;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Evidence)) {
            return false;
        }
        Evidence that = (Evidence) other;
        return candidate.equals(that.candidate)
            && weight == that.weight
            && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(candidate, weight, text);
    }

    @Override
    public String toString() {
        return RuleFact.describe(this);
    }
}
