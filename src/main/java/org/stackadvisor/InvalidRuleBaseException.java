package org.stackadvisor;

import java.util.List;

/**
 * Thrown when a rule base cannot be loaded: a missing folder or manifest, a manifest error,
 * or a DRL file that does not compile. Each {@link Problem} names the file and line. Also thrown
 * when a rule base cannot give a decision: a rule's consequence throws (the problem names the rule),
 * or the rules exceed the firing limit; {@link #summary()} then says which.
 */
public final class InvalidRuleBaseException extends StackAdvisorException {
    private static final long serialVersionUID = 1L;

    /**
     * A rule base that cannot be served.
     *
     * @param problems every problem found, at least one
     */
    public InvalidRuleBaseException(List<Problem> problems) {
        this("invalid rule base", problems);
    }

    /**
     * A rule base that cannot give a decision, for another reason than being invalid.
     *
     * @param summary what failed, such as {@code a rule failed}
     * @param problems every problem found, at least one
     */
    public InvalidRuleBaseException(String summary, List<Problem> problems) {
        super(summary, problems);
    }
}
