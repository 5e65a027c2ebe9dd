package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stackadvisor.Claim;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.Proof;
import org.stackadvisor.StackAdvisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code explain FILE}: the verdict's proof, from the verdict down to the input facts. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Decide a facts file and print the verdict's proof: each fact, the rule firings that derived it"
                + " and the facts they matched, down to the input facts, each line with its claim IDs.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_USAGE, ExitCodes.LIST_INVALID_FACTS, ExitCodes.LIST_INVALID_RULES})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuleBaseOption ruleBase = new RuleBaseOption();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (default, an indented tree) or json (the same tree as the decision's proof).")
    Format format;

    @Parameters(paramLabel = "FILE", description = "A facts file (JSON) describing a project.")
    Path file;

    @Override
    public Integer call() {
        StackAdvisor advisor = ruleBase.advisor();
        Decision decision = advisor.decide(file);
        Proof proof = decision.proof();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(proof.toJson());
        } else {
            out.println(Text.safe(decision.project()) + ": verdict " + decision.verdict() + ", resting on claims ["
                    + String.join(", ", proof.claims()) + "]");
            out.print(ProofText.render(proof));
            Map<String, Claim> catalogue = new LinkedHashMap<>();
            advisor.claims().forEach(claim -> catalogue.put(claim.id(), claim));
            for (String id : proof.claims()) {
                Claim claim = catalogue.get(id);
                if (claim != null && claim.weight() != null) {
                    out.println("Weight of " + id + ": " + claim.weight() + " (" + claim.rationale() + ")");
                }
            }
            for (Conclusion tension : decision.tensions()) {
                out.println("Tension: " + tension.text());
            }
            for (Decision.Unweighed term : decision.notWeighed()) {
                out.println("Not weighed: " + term.field() + " " + Text.safe(term.term()) + ": " + term.reason());
            }
            out.println("Robustness: the verdict " + decision.robustness().summary());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
