package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stackadvisor.Project;
import org.stackadvisor.WhatIf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whatif FILE}: the smallest changes to a project's facts that change its verdict. */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = {"Show the smallest changes to a project's facts that change its verdict: every single change"
                + " (add or remove a term, set, change or clear a value), then pairs of changes when no single one does.",
                "With --format json each entry carries the complete changed facts, to decide again and check."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_USAGE, ExitCodes.LIST_INVALID_FACTS, ExitCodes.LIST_INVALID_RULES})
final class WhatIfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuleBaseOption ruleBase = new RuleBaseOption();

    @Mixin
    PairLimitOption pairLimit = new PairLimitOption();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (default) or json.")
    DecideCommand.Format format;

    @Parameters(paramLabel = "FILE", description = "A facts file (JSON) describing the project.")
    Path file;

    @Override
    public Integer call() {
        WhatIf whatIf = ruleBase.advisor().whatIf(Project.read(file), pairLimit.value());
        PrintWriter out = spec.commandLine().getOut();
        if (format == DecideCommand.Format.json) {
            out.println(whatIf.toJson());
        } else {
            out.print(ExplanationText.render(whatIf));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
