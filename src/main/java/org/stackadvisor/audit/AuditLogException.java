package org.stackadvisor.audit;

import java.util.List;
import org.stackadvisor.Problem;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.StackAdvisorException;

/**
 * Thrown when an {@link AuditLog} cannot append a decision's record, or cannot read a log to
 * verify it. The problem names the log file. When it is thrown from {@link StackAdvisor#decide},
 * the decision is not returned: a decision is never given unrecorded when a log was asked for.
 */
public final class AuditLogException extends StackAdvisorException {
    private static final long serialVersionUID = 1L;

    AuditLogException(List<Problem> problems) {
        super("audit log", problems);
    }
}
