package org.stackadvisor;

import java.util.List;

/** A claim of the article, as the rule base's manifest catalogues it. */
public final class Claim {
    private final String id;
    private final String section;
    private final List<String> kinds;
    private final String leans;
    private final String paraphrase;
    private final Integer weight;
    private final String rationale;
    private final boolean takeaway;
    private final String restates;

    Claim(String id, String section, List<String> kinds, String leans, String paraphrase, Integer weight, String rationale,
            boolean takeaway, String restates) {
        this.id = id;
        this.section = section;
        this.kinds = List.copyOf(kinds);
        this.leans = leans;
        this.paraphrase = paraphrase;
        this.weight = weight;
        this.rationale = rationale;
        this.takeaway = takeaway;
        this.restates = restates;
    }

    /** The points its evidence adds to a candidate's score, or null for a claim that weighs nothing. */
    public Integer weight() {
        return weight;
    }

    /** Why the claim weighs what it does, in one line, or null for a claim that weighs nothing. */
    public String rationale() {
        return rationale;
    }

    /** Whether it is one of the article's takeaways, the advice that closes a section. */
    public boolean takeaway() {
        return takeaway;
    }

    /** The claim whose vote this one shares because it makes the same point, or null. */
    public String restates() {
        return restates;
    }

    /** The stable ID, such as {@code UC-3}. */
    public String id() {
        return id;
    }

    /** The article section it comes from. */
    public String section() {
        return section;
    }

    /** {@code signal}, {@code caveat} and/or {@code context}. */
    public List<String> kinds() {
        return kinds;
    }

    /** The candidate the claim leans to, as the catalogue says it ({@code -} for none). */
    public String leans() {
        return leans;
    }

    /** Whether a rule must encode it: it is a {@code signal} or a {@code caveat}. */
    public boolean mustBeEncoded() {
        return kinds.contains("signal") || kinds.contains("caveat");
    }

    /** The claim in the rule base's own words. */
    public String paraphrase() {
        return paraphrase;
    }

    @Override
    public String toString() {
        return id + ": " + paraphrase;
    }
}
