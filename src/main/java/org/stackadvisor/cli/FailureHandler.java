package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.util.List;
import org.stackadvisor.InvalidFactsException;
import org.stackadvisor.InvalidRuleBaseException;
import org.stackadvisor.Problem;
import org.stackadvisor.StackAdvisorException;
import org.stackadvisor.audit.AuditLogException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns the API's exceptions into messages and exit codes; users never see a stack trace. */
final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof AuditLogException) {
            report(err, "the audit log cannot be written, so no decision was given", ((AuditLogException) exception).problems());
            return ExitCodes.CANNOT_WRITE;
        }
        if (exception instanceof StackAdvisorException) {
            report(err, exception instanceof InvalidFactsException ? "invalid facts"
                    : exception instanceof InvalidRuleBaseException ? ((StackAdvisorException) exception).summary() : "invalid rule base",
                    ((StackAdvisorException) exception).problems());
            return exception instanceof InvalidFactsException ? ExitCodes.INVALID_FACTS
                    : exception instanceof InvalidRuleBaseException ? ExitCodes.INVALID_RULES : ExitCodes.INTERNAL;
        }
        err.println("stack-advisor: internal error: " + exception);
        err.flush();
        return ExitCodes.INTERNAL;
    }

    static void report(PrintWriter err, String kind, List<Problem> problems) {
        for (Problem problem : problems) {
            err.println(Text.safe(problem.toString()));
        }
        err.println("stack-advisor: " + kind + " (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ")");
        err.flush();
    }
}
