package org.stackadvisor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.explain.ReportPage;
import org.stackadvisor.explain.WhatIf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report FILE --output PAGE.html}: one self-contained HTML page about a decision, for an auditor. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Decide a facts file and write one self-contained HTML page for an auditor: verdict, scores chart,"
                + " what would change the verdict, proof graph, firings with claims, rule base and input hashes."
                + " No network requests, no scripts.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_USAGE, ExitCodes.LIST_INVALID_FACTS, ExitCodes.LIST_INVALID_RULES,
            ExitCodes.LIST_CANNOT_WRITE})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuleBaseOption ruleBase = new RuleBaseOption();

    @Option(names = "--output", required = true, paramLabel = "PAGE.html", description = "The page to write: written to a temporary file in its folder, then moved over it atomically."
                    + " A missing folder or a folder given as the page is exit 74.")
    Path output;

    @Parameters(paramLabel = "FILE", description = "A facts file (JSON) describing a project.")
    Path file;

    @Override
    public Integer call() {
        String cannotWrite = OutputFile.problem(output, "report.html");
        if (cannotWrite != null) {
            return cannotWrite(cannotWrite);
        }
        StackAdvisor advisor = ruleBase.advisor();
        WhatIf whatIf = advisor.whatIf(Project.read(file));
        try {
            ReportPage.write(whatIf, advisor.claims(), output);
        } catch (IOException e) {
            return cannotWrite(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        spec.commandLine().getOut().println("wrote " + output);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private int cannotWrite(String reason) {
        spec.commandLine().getErr().println(Text.safe("stack-advisor: " + output + ": cannot write the report page: " + reason
                + ", so none was written"));
        spec.commandLine().getErr().flush();
        return ExitCodes.CANNOT_WRITE;
    }
}
