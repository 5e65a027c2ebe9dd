package org.stackadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.stackadvisor.Decision;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.explain.AdrCheck;
import org.stackadvisor.explain.MadrRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code adr FILE [--output DIR]}: the decision as a MADR 4 Architecture Decision Record;
 * {@code adr check DIR}: whether the records Stack Advisor wrote still hold under today's rules.
 */
@Command(name = "adr", mixinStandardHelpOptions = true,
        description = {"Write the decision for a facts file as an Architecture Decision Record (MADR 4): front matter with"
                + " status, date and decision-makers; context, decision drivers (the claims that weighed), considered options,"
                + " outcome, consequences, confirmation, pros and cons, and the facts themselves.",
            "Without --output it prints the record; with --output DIR it writes DIR/NNNN-slug.md, one number above the"
                + " highest record there, and prints the path.",
            "adr check DIR says whether each record it wrote still holds under today's rules."},
        subcommands = AdrCommand.Check.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_USAGE, ExitCodes.LIST_INVALID_FACTS, ExitCodes.LIST_INVALID_RULES,
            ExitCodes.LIST_CANNOT_WRITE})
final class AdrCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuleBaseOption ruleBase = new RuleBaseOption();

    @Option(names = "--output", paramLabel = "DIR",
            description = "Write the record into this existing folder as NNNN-slug.md (never replacing a record) and print its path.")
    Path output;

    @Option(names = "--status", paramLabel = "proposed|accepted", defaultValue = "proposed",
            description = "The record's status (default: proposed).")
    String status;

    @Option(names = "--decision-makers", paramLabel = "NAMES", split = ",",
            description = "The people who made the decision, separated by commas.")
    List<String> decisionMakers = new ArrayList<>();

    // 0..1 so that "adr check DIR" is not refused for want of a FILE; call() requires it.
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A facts file (JSON) describing a project.")
    Path file;

    @Override
    public Integer call() {
        if (file == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        }
        MadrRecord.Status recordStatus;
        try {
            recordStatus = MadrRecord.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--status must be proposed or accepted, not '" + Text.safe(status) + "'");
        }
        StackAdvisor advisor = ruleBase.advisor();
        Decision decision = advisor.decide(file);
        MadrRecord record = MadrRecord.of(decision, advisor).withStatus(recordStatus)
                .withDecisionMakers(decisionMakers.stream().map(String::strip).filter(name -> !name.isEmpty()).toList());
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(record.markdown());
            out.flush();
            return ExitCodes.OK;
        }
        Path written;
        try {
            written = record.writeInto(output);
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(Text.safe("stack-advisor: " + output + ": " + reason(e) + ", so no record was written"));
            err.flush();
            return ExitCodes.CANNOT_WRITE;
        }
        out.println(Text.safe(written.toString()));
        out.flush();
        return ExitCodes.OK;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such folder (create it first)";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        return "cannot be written: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    /** {@code adr check DIR}: each record Stack Advisor wrote, decided again, as current or stale. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Decide again the facts of every record Stack Advisor wrote in DIR with today's rule base, and report"
                    + " each as current, or stale with what changed (verdict, scores, drivers). Records written by hand are"
                    + " skipped and counted. For CI: exit 0 when all are current, 1 otherwise.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every record Stack Advisor wrote is current", "1:a record is stale or cannot be read",
                ExitCodes.LIST_USAGE, "3:the folder cannot be read", ExitCodes.LIST_INVALID_RULES})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RuleBaseOption ruleBase = new RuleBaseOption();

        @Parameters(paramLabel = "DIR", description = "The folder of the records, such as docs/decisions.")
        Path directory;

        @Override
        public Integer call() {
            StackAdvisor advisor = ruleBase.advisor();
            PrintWriter err = spec.commandLine().getErr();
            AdrCheck check;
            try {
                check = AdrCheck.run(advisor, directory);
            } catch (IOException e) {
                err.println(Text.safe("stack-advisor: " + directory + ": " + (e instanceof NoSuchFileException ? "no such folder"
                        : e instanceof NotDirectoryException ? "not a folder" : "cannot be read: " + e.getMessage())));
                err.flush();
                return ExitCodes.INVALID_FACTS;
            }
            PrintWriter out = spec.commandLine().getOut();
            for (AdrCheck.Entry entry : check.entries()) {
                String name = entry.file().getFileName().toString();
                switch (entry.state()) {
                    case CURRENT:
                        out.println(Text.safe("current     " + name + ": " + entry.verdict()));
                        break;
                    case STALE:
                        out.println(Text.safe("stale       " + name + ": verdict was " + entry.recordedVerdict() + ", is now "
                                + (entry.verdict() == null ? "none (the facts are refused)" : entry.verdict())));
                        break;
                    default:
                        out.println(Text.safe("unreadable  " + name));
                        break;
                }
                for (String change : entry.changes()) {
                    out.println(Text.safe("    " + change));
                }
            }
            for (Path skipped : check.skipped()) {
                out.println(Text.safe("skipped     " + skipped.getFileName() + ": not written by Stack Advisor"));
            }
            out.println(check.summary());
            out.flush();
            return check.allCurrent() ? ExitCodes.OK : ExitCodes.DIFFERS;
        }
    }
}
