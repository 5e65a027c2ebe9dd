package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stackadvisor.audit.NotADecisionException;
import org.stackadvisor.audit.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code replay DECISION.json}: decides a saved decision's facts again and says whether it is reproduced. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-decide the input facts stored in a saved decision (decide --format json), or in one record"
                + " (one line) of an audit log, with the current"
                + " rule base; print 'reproduced', or exactly what differs: rule base hash, rules changed, added or"
                + " removed, firings added or removed, verdict and scores.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:reproduced: the same decision, byte for byte",
            "1:the replayed decision differs; the differences are printed",
            ExitCodes.LIST_USAGE,
            "3:the file is not a saved decision or record (a whole log: use audit replay), or its facts are invalid for the current rule base",
            ExitCodes.LIST_INVALID_RULES})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuleBaseOption ruleBase = new RuleBaseOption();

    @Parameters(paramLabel = "DECISION.json", description = "A saved decision (the JSON that decide --format json prints for one file), or one audit log record.")
    Path file;

    @Override
    public Integer call() {
        Replay replay;
        try {
            replay = ruleBase.advisor().replay(file);
        } catch (NotADecisionException e) {
            FailureHandler.report(spec.commandLine().getErr(), "not a decision", e.problems());
            return ExitCodes.INVALID_FACTS;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (replay.reproduced()) {
            out.println("reproduced");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("differs (" + replay.differences().size() + " difference" + (replay.differences().size() == 1 ? "" : "s") + "):");
        replay.differences().forEach(difference -> out.println("  " + Text.safe(difference)));
        out.flush();
        return ExitCodes.DIFFERS;
    }
}
