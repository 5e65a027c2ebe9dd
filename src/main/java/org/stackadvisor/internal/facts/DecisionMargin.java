package org.stackadvisor.internal.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The rule base's margin: the lead a candidate needs over every other before it is recommended. */
public final class DecisionMargin implements RuleFact {
    private final int points;

    public DecisionMargin(int points) {
        this.points = points;
    }

    public int getPoints() {
        return points;
    }

    @Override
    public String type() {
        return "DecisionMargin";
    }

    @Override
    public boolean isInput() {
        return true;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("points", points);
        return attributes;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof DecisionMargin)) {
            return false;
        }
        DecisionMargin that = (DecisionMargin) other;
        return points == that.points;
    }

    @Override
    public int hashCode() {
        return Objects.hash(points);
    }

    @Override
    public String toString() {
        return RuleFact.describe(this);
    }
}
