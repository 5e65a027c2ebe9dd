package org.stackadvisor.internal.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Two claims of the article that pull this project toward different candidates, and the article's
 * own way out where it gives one. Rules insert a tension where the article settles it itself (so
 * that one side never becomes evidence); the decision adds one wherever evidence for different
 * candidates stands.
 */
public final class Tension implements RuleFact {
    private final String claim;
    private final String otherClaim;
    private final String wayOut;

    public Tension(String claim, String otherClaim, String wayOut) {
        this.claim = Objects.requireNonNull(claim, "claim");
        this.otherClaim = Objects.requireNonNull(otherClaim, "otherClaim");
        this.wayOut = Objects.requireNonNull(wayOut, "wayOut");
    }

    public String getClaim() {
        return claim;
    }

    public String getOtherClaim() {
        return otherClaim;
    }

    public String getWayOut() {
        return wayOut;
    }

    @Override
    public String type() {
        return "Tension";
    }

    @Override
    public boolean isInput() {
        return false;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("claim", claim);
        attributes.put("otherClaim", otherClaim);
        attributes.put("wayOut", wayOut);
        return attributes;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Tension)) {
            return false;
        }
        Tension that = (Tension) other;
        return claim.equals(that.claim) && otherClaim.equals(that.otherClaim) && wayOut.equals(that.wayOut);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claim, otherClaim, wayOut);
    }

    @Override
    public String toString() {
        return RuleFact.describe(this);
    }
}
