package org.stackadvisor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The base of every exception Stack Advisor throws. Each carries the {@link Problem}s that
 * caused it, so callers can show all of them at once.
 */
public class StackAdvisorException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;
    private final String summary;

    /**
     * For the subclasses, here and in the other packages of this library.
     *
     * @param summary what failed, before the problems in the message
     * @param problems every problem found, at least one
     */
    protected StackAdvisorException(String summary, List<Problem> problems) {
        super(summary + (problems.isEmpty() ? "" : problems.stream()
                .map(Problem::toString).collect(Collectors.joining("\n  ", ":\n  ", ""))));
        this.problems = List.copyOf(problems);
        this.summary = summary;
    }

    /**
     * What failed, in a few words, without the problems: such as {@code invalid facts}, {@code
     * invalid rule base}, {@code a rule failed} or {@code the rules exceeded the firing limit of 1400}.
     */
    public String summary() {
        return summary;
    }

    /** Every problem found, in the order of the input. */
    public List<Problem> problems() {
        return problems;
    }
}
