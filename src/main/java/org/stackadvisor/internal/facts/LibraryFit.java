package org.stackadvisor.internal.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Records that a library the project uses belongs to a candidate's ecosystem. */
public final class LibraryFit implements RuleFact {
    private final String library;
    private final String candidate;

    public LibraryFit(String library, String candidate) {
        this.library = Objects.requireNonNull(library, "library");
        this.candidate = Objects.requireNonNull(candidate, "candidate");
    }

    public String getLibrary() {
        return library;
    }

    public String getCandidate() {
        return candidate;
    }

    @Override
    public String type() {
        return "LibraryFit";
    }

    @Override
    public boolean isInput() {
        return false;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("library", library);
        attributes.put("candidate", candidate);
        return attributes;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof LibraryFit)) {
            return false;
        }
        LibraryFit that = (LibraryFit) other;
        return library.equals(that.library)
            && candidate.equals(that.candidate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(library, candidate);
    }

    @Override
    public String toString() {
        return RuleFact.describe(this);
    }
}
