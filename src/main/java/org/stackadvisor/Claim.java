package org.stackadvisor;

import java.util.List;

/** A claim of the article, as the rule base's manifest catalogues it. */
public final class Claim {
    private final String id;
    private final String section;
    private final List<String> kinds;
    private final String leans;
    private final String paraphrase;

    Claim(String id, String section, List<String> kinds, String leans, String paraphrase) {
        this.id = id;
        this.section = section;
        this.kinds = List.copyOf(kinds);
        this.leans = leans;
        this.paraphrase = paraphrase;
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
