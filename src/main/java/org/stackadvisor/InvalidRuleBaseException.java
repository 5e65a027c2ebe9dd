package org.stackadvisor;

import java.util.List;

/**
 * Thrown when a rule base cannot be loaded: a missing folder or manifest, a manifest error,
 * or a DRL file that does not compile. Each {@link Problem} names the file and line.
 */
public final class InvalidRuleBaseException extends StackAdvisorException {
    private static final long serialVersionUID = 1L;

    /**
     * A rule base that cannot be served.
     *
     * @param problems every problem found, at least one
     */
    public InvalidRuleBaseException(List<Problem> problems) {
        super("invalid rule base", problems);
    }
}
