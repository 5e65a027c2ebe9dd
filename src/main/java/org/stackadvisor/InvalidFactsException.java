package org.stackadvisor;

import java.util.List;

/**
 * Thrown when a facts document cannot be read or breaks the facts contract: not JSON, a
 * missing file, an unknown key or term, a value of the wrong type. {@link #problems()} lists
 * every problem of the document, not only the first.
 */
public final class InvalidFactsException extends StackAdvisorException {
    private static final long serialVersionUID = 1L;

    /**
     * Facts that break the rule base's vocabulary.
     *
     * @param problems every problem found, at least one
     */
    public InvalidFactsException(List<Problem> problems) {
        super("invalid facts", problems);
    }
}
