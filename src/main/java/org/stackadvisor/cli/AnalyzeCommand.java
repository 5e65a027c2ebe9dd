package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.stackadvisor.authoring.OutcomeAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code analyze}: probes every vocabulary term and pair of terms for dead rules, tensions and ties. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Probe every vocabulary term and pair of terms for dead rules, tensions and ties.",
                "Dead rules fire under no probe (each with its file:line and why: contradictory, needing three facts at once, ...);",
                "loops are probes under which the rules did not settle; tensions are rules pushing different candidates under one probe,",
                "with their claims; ties are probes with evidence that end in no clear winner."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:analysis shown", ExitCodes.LIST_USAGE, ExitCodes.LIST_INVALID_RULES})
final class AnalyzeCommand implements Callable<Integer> {
    /** How many tensions and ties the text shows; the JSON has all. */
    private static final int SHOWN = 25;

    @Spec
    CommandSpec spec;

    @Mixin
    RuleBaseOption ruleBase = new RuleBaseOption();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format: text (default) or json.")
    Format format;

    @Override
    public Integer call() {
        OutcomeAnalysis analysis = OutcomeAnalysis.of(ruleBase.advisor());
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(analysis.toJson());
            out.flush();
            return ExitCodes.OK;
        }
        out.println("Probes: " + analysis.probes() + " (each vocabulary term alone, then every pair)");
        out.println();
        out.println("Dead rules (fire under no probe): " + (analysis.deadRules().isEmpty() ? "none" : ""));
        for (OutcomeAnalysis.DeadRule dead : analysis.deadRuleDetails()) {
            out.println("  \"" + Text.safe(dead.rule()) + "\"" + (dead.place().isEmpty() ? "" : " (" + Text.safe(dead.place()) + ")"));
            out.println("    " + Text.safe(dead.reason()));
        }
        if (!analysis.loops().isEmpty()) {
            out.println();
            out.println("Loops (probes under which the rules did not settle): " + analysis.loops().size());
            for (OutcomeAnalysis.Loop loop : first(analysis.loops())) {
                out.println("  " + Text.safe(loop.probe()) + ": " + Text.safe(loop.message()));
            }
            more(out, analysis.loops());
        }
        out.println();
        out.println("Tensions (rules pushing different candidates under one probe): " + analysis.tensions().size());
        for (OutcomeAnalysis.Tension tension : first(analysis.tensions())) {
            out.println("  " + side(tension.one()) + "\n    vs " + side(tension.other()));
            out.println("    e.g. " + Text.safe(tension.example()) + " (" + tension.probes() + " probe" + (tension.probes() == 1 ? "" : "s") + ")");
        }
        more(out, analysis.tensions());
        out.println();
        out.println("Ties (evidence on some side, no clear winner): " + analysis.ties().size());
        for (OutcomeAnalysis.Tie tie : first(analysis.ties())) {
            out.println("  " + Text.safe(tie.probe()) + ": " + tie.scores().entrySet().stream()
                    .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ")));
        }
        more(out, analysis.ties());
        out.flush();
        return ExitCodes.OK;
    }

    private static <T> List<T> first(List<T> items) {
        return items.subList(0, Math.min(items.size(), SHOWN));
    }

    private static void more(PrintWriter out, List<?> items) {
        if (items.size() > SHOWN) {
            out.println("  ... and " + (items.size() - SHOWN) + " more (--format json lists all)");
        }
    }

    private static String side(OutcomeAnalysis.Tension.Side side) {
        return side.candidate() + " " + side.claims() + " " + side.rules().stream().map(rule -> "\"" + Text.safe(rule) + "\"")
                .collect(Collectors.joining(", "));
    }
}
