package org.stackadvisor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stackadvisor.audit.AuditLog;
import org.stackadvisor.audit.AuditLogException;
import org.stackadvisor.audit.AuditVerification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit verify LOG.jsonl}: checks the hash chain of an audit log that {@code decide --audit-log} wrote. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Work with the audit log that decide --audit-log appends to.",
        subcommands = {AuditCommand.Verify.class, CommandLine.HelpCommand.class})
final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand, such as: audit verify decisions.jsonl");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every record of an audit log and the chain of hashes between them; print 'ok N records',"
                    + " or the first record that was edited, removed, reordered or torn, with its line number.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:ok: every record is intact and chained",
                "1:a record was edited, removed, reordered or torn; its line is printed",
                ExitCodes.LIST_USAGE,
                "3:the log file is missing or unreadable"})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "LOG.jsonl", description = "The audit log (JSON Lines) to check.")
        Path log;

        @Override
        public Integer call() {
            AuditVerification result;
            try {
                result = AuditLog.verify(log);
            } catch (AuditLogException e) {
                FailureHandler.report(spec.commandLine().getErr(), "cannot verify the audit log", e.problems());
                return ExitCodes.INVALID_FACTS;
            }
            if (result.ok()) {
                spec.commandLine().getOut().println("ok " + result.records() + " record" + (result.records() == 1 ? "" : "s")
                        + " (last hash " + result.lastHash() + ")");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
            spec.commandLine().getOut().println(Text.safe(log + ":" + result.line() + ": " + result.problem()));
            spec.commandLine().getOut().println("not ok: " + result.records() + " intact record"
                    + (result.records() == 1 ? "" : "s") + " before line " + result.line());
            spec.commandLine().getOut().flush();
            return ExitCodes.DIFFERS;
        }
    }
}
