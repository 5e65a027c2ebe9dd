package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.stackadvisor.Claim;
import org.stackadvisor.authoring.ClaimCoverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coverage}: claim -> rules that cite it -> scenarios in which they fired, with totals and the uncovered claims. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Show which of the article's claims the rules encode and the scenarios exercise.",
                "Lists claim -> rules that cite it -> scenarios (facts files) in which those rules fired, with totals."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:coverage shown (uncovered claims are listed, not failed)", ExitCodes.LIST_USAGE,
                ExitCodes.LIST_INVALID_FACTS, ExitCodes.LIST_INVALID_RULES})
final class CoverageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuleBaseOption ruleBase = new RuleBaseOption();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format: text (default) or json.")
    Format format;

    @Option(names = "--facts", paramLabel = "DIR",
            description = "The scenarios: a folder of facts files or one facts file (default: the examples of the rule base:"
                    + " the ones shipped for the bundled rule base; DIR/facts, or the facts folder beside DIR, for --rules DIR).")
    Path facts;

    @Override
    public Integer call() {
        ClaimCoverage coverage = ClaimCoverage.of(ruleBase.advisor(), facts != null ? facts : ruleBase.defaultFacts());
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(coverage.toJson());
        } else {
            for (ClaimCoverage.ClaimEntry entry : coverage.claims()) {
                Claim claim = entry.claim();
                out.printf("%-6s %-9s %s%s%n", entry.id(), entry.status(), String.join(", ", claim.kinds()), claim.weight() == null ? ""
                        : ", weight " + claim.weight() + (claim.restates() == null ? "" : " (votes with " + claim.restates() + ")")
                                + ": " + claim.rationale());
                for (ClaimCoverage.CitingRule rule : entry.rules()) {
                    out.println("         rule \"" + Text.safe(rule.name()) + "\" (" + Text.safe(rule.file())
                            + (rule.line() > 0 ? ":" + rule.line() : "") + ") -> "
                            + (rule.scenarios().isEmpty() ? "fired in no scenario" : String.join(", ", rule.scenarios())));
                }
            }
            Map<String, Integer> totals = coverage.totals();
            out.println();
            out.println("Totals: " + totals.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                    .collect(Collectors.joining(", ")));
            List<String> uncovered = coverage.uncovered();
            out.println("Uncovered: " + (uncovered.isEmpty() ? "none" : String.join(", ", uncovered)));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
