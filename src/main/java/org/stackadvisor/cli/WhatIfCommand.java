package org.stackadvisor.cli;

import java.util.concurrent.Callable;
import org.stackadvisor.explain.WhatIf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code whatif FILE}: the smallest changes to a project's facts that change its verdict. */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = {"Show the smallest changes to a project's facts that change its verdict: every single change"
                + " (add or remove a term, set, change or clear a value), then pairs of changes when no single one does.",
                "With --format json each entry carries the complete changed facts, to decide again and check."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_USAGE, ExitCodes.LIST_INVALID_FACTS, ExitCodes.LIST_INVALID_RULES})
final class WhatIfCommand implements Callable<Integer> {
    @Mixin
    RuleBaseOption ruleBase = new RuleBaseOption();

    @Mixin
    ExplanationOptions options = new ExplanationOptions();

    @Override
    public Integer call() {
        WhatIf whatIf = ruleBase.advisor().whatIf(options.project(), options.pairLimit());
        return options.print(whatIf::toJson, () -> ExplanationText.render(whatIf));
    }
}
