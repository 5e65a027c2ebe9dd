package org.stackadvisor.internal.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The sum of the evidence weights for one candidate. */
public final class Score implements RuleFact {
    private final String candidate;
    private final int total;

    public Score(String candidate, int total) {
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.total = total;
    }

    public String getCandidate() {
        return candidate;
    }

    public int getTotal() {
        return total;
    }

    @Override
    public String type() {
        return "Score";
    }

    @Override
    public boolean isInput() {
        return false;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("candidate", candidate);
        attributes.put("total", total);
        return attributes;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Score)) {
            return false;
        }
        Score that = (Score) other;
        return candidate.equals(that.candidate)
            && total == that.total;
    }

    @Override
    public int hashCode() {
        return Objects.hash(candidate, total);
    }

    @Override
    public String toString() {
        return RuleFact.describe(this);
    }
}
