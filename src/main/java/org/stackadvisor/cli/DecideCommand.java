package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stackadvisor.AuditLog;
import org.stackadvisor.Decision;
import org.stackadvisor.InvalidFactsException;
import org.stackadvisor.Problem;
import org.stackadvisor.StackAdvisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code decide FILE...}: the verdict, scores, reasons and caveats for each facts file. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Decide Node.js or Python for each facts file and explain why.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_USAGE, ExitCodes.LIST_INVALID_FACTS, ExitCodes.LIST_INVALID_RULES,
            ExitCodes.LIST_CANNOT_WRITE})
final class DecideCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    RuleBaseOption ruleBase = new RuleBaseOption();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (default) or json (the decision contract; an array for several files).")
    Format format;

    @Option(names = "--audit-log", paramLabel = "LOG.jsonl",
            description = "Append one hash-chained record per decision to this JSON Lines log (synced to disk);"
                    + " if a record cannot be written, the command fails with exit 74. Check it with: audit verify LOG.jsonl")
    Path auditLog;

    @Option(names = "--max-facts-bytes", paramLabel = "N",
            description = "The largest facts file to read, in bytes (default: 1048576, 1 MiB). Larger files are rejected unread.")
    Long maxFactsBytes;

    @Option(names = "--firing-limit", paramLabel = "N",
            description = "The most rule firings one decision may take before it fails as a runaway (default: 1000 plus 100 per rule).")
    Integer firingLimit;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Facts files (JSON) describing projects.")
    List<Path> files;

    @Override
    public Integer call() {
        StackAdvisor advisor = advisor();
        List<Decision> decisions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                decisions.add(advisor.decide(file));
            } catch (InvalidFactsException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            FailureHandler.report(spec.commandLine().getErr(), "invalid facts", problems);
            return ExitCodes.INVALID_FACTS;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(decisions.size() == 1 ? decisions.get(0).toJson() : Decision.toJsonArray(decisions));
        } else {
            for (int i = 0; i < decisions.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                out.print(DecisionText.render(decisions.get(i), advisor));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private StackAdvisor advisor() {
        if (maxFactsBytes != null && maxFactsBytes < 1) {
            throw new ParameterException(spec.commandLine(), "--max-facts-bytes must be at least 1, not " + maxFactsBytes);
        }
        if (firingLimit != null && firingLimit < 1) {
            throw new ParameterException(spec.commandLine(), "--firing-limit must be at least 1, not " + firingLimit);
        }
        StackAdvisor.Builder builder = ruleBase.builder();
        if (maxFactsBytes != null) {
            builder.maxFactsFileBytes(maxFactsBytes);
        }
        if (firingLimit != null) {
            builder.firingLimit(firingLimit);
        }
        if (auditLog != null) {
            builder.listener(new AuditLog(auditLog));
        }
        return builder.build();
    }
}
