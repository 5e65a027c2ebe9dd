package org.stackadvisor.internal.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A reason, drawn from one claim of the article, to choose {@code candidate}. It carries no weight:
 * the claim's weight lives in the manifest and {@link ClaimWeights} sums it once per claim.
 *
 * <p>Equal when candidate and claim are equal, whatever the text: truth maintenance then merges the
 * evidence of every rule that encodes the same claim for the same candidate into one fact with a
 * justification per rule, so that a claim supported by several facts or rules still votes once.
 */
public final class Evidence implements RuleFact {
    private final String candidate;
    private final String claim;
    private final String text;

    public Evidence(String candidate, String claim, String text) {
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.claim = Objects.requireNonNull(claim, "claim");
        this.text = Objects.requireNonNull(text, "text");
    }

    public String getCandidate() {
        return candidate;
    }

    public String getClaim() {
        return claim;
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
        attributes.put("claim", claim);
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
        return candidate.equals(that.candidate) && claim.equals(that.claim);
    }

    @Override
    public int hashCode() {
        return Objects.hash(candidate, claim);
    }

    @Override
    public String toString() {
        return RuleFact.describe(this);
    }
}
