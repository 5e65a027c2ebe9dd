package org.stackadvisor.internal.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An input fact from the rule base's library catalogue: a library the project names, which the
 * vocabulary does not, and the ecosystem the registries' popularity puts it in ({@code python},
 * {@code nodejs} or {@code ambiguous}).
 */
public final class CatalogueEntry implements RuleFact {
    private final String library;
    private final String ecosystem;

    public CatalogueEntry(String library, String ecosystem) {
        this.library = Objects.requireNonNull(library, "library");
        this.ecosystem = Objects.requireNonNull(ecosystem, "ecosystem");
    }

    public String getLibrary() {
        return library;
    }

    public String getEcosystem() {
        return ecosystem;
    }

    @Override
    public String type() {
        return "CatalogueEntry";
    }

    @Override
    public boolean isInput() {
        return true;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("library", library);
        attributes.put("ecosystem", ecosystem);
        return attributes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CatalogueEntry && library.equals(((CatalogueEntry) other).library)
                && ecosystem.equals(((CatalogueEntry) other).ecosystem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(library, ecosystem);
    }

    @Override
    public String toString() {
        return RuleFact.describe(this);
    }
}
