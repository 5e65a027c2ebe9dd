package org.stackadvisor.audit;

import java.util.List;
import org.stackadvisor.Problem;
import org.stackadvisor.StackAdvisorException;

/**
 * Thrown when a file given as a saved decision is not one: not JSON, not an object, or without
 * the stored input facts and rule base identity that a replay needs. {@link #problems()} names
 * the file and what is missing.
 */
public final class NotADecisionException extends StackAdvisorException {
    private static final long serialVersionUID = 1L;

    NotADecisionException(List<Problem> problems) {
        super("not a decision", problems);
    }
}
