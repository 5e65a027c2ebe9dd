package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stackadvisor.InvalidFactsException;
import org.stackadvisor.Problem;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.authoring.Scenario;
import org.stackadvisor.authoring.ScenarioResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code test [PATH...]}: runs scenarios (facts files with expectations), one line each, a diff for each failure. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run scenarios: facts files checked against their expectations in expected/ beside them.",
                "Prints one line per scenario and, for a failure, a diff (- expected, + actual) with the trace that explains it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every scenario passed", "1:a scenario failed", ExitCodes.LIST_USAGE,
                "3:a facts or expectations file is invalid", ExitCodes.LIST_INVALID_RULES})
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuleBaseOption ruleBase = new RuleBaseOption();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (default) or json (the counts, each scenario's verdict and failures, the invalid files' problems).")
    Format format;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Facts files or folders of them (default: the examples of the rule base: the ones shipped for the bundled rule base; DIR/facts, or the facts folder beside DIR, for --rules DIR).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        StackAdvisor advisor = ruleBase.advisor();
        PrintWriter out = format == Format.json ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut();
        List<ScenarioResult> results = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        for (Path path : paths.isEmpty() ? List.of(ruleBase.defaultFacts()) : paths) {
            List<Scenario> scenarios;
            if (!Files.exists(path)) {
                out.println("ERR  " + Text.safe(path.toString()));
                missing.add(path + ": no such file or folder");
                problems.add(new Problem(path.toString(), 0, 0, "", "no such file or folder"));
                continue;
            }
            try {
                scenarios = Scenario.discover(path);
            } catch (InvalidFactsException e) {
                problems.addAll(e.problems());
                continue;
            }
            for (Scenario scenario : scenarios) {
                try {
                    ScenarioResult result = scenario.run(advisor);
                    results.add(result);
                    out.print(Text.safe(result.report()) + (result.passed() ? "\n" : ""));
                    if (result.passed()) {
                        passed++;
                    } else {
                        failed++;
                    }
                } catch (InvalidFactsException e) {
                    out.println("ERR  " + Text.safe(scenario.name()));
                    problems.addAll(e.problems());
                }
            }
        }
        if (format == Format.json) {
            spec.commandLine().getOut().println(ScenarioResult.toJson(results, problems));
            spec.commandLine().getOut().flush();
            return !problems.isEmpty() ? ExitCodes.INVALID_FACTS : failed == 0 ? ExitCodes.OK : ExitCodes.DIFFERS;
        }
        problems.removeIf(problem -> problem.line() == 0 && problem.message().equals("no such file or folder"));
        int invalid = problems.size() + missing.size();
        out.println(VerifyCommand.plural(passed + failed + invalid, "scenario") + ": " + passed + " passed, " + failed + " failed"
                + (invalid == 0 ? "" : ", " + invalid + " invalid"));
        out.flush();
        if (invalid > 0) {
            PrintWriter err = spec.commandLine().getErr();
            missing.forEach(line -> err.println(Text.safe(line)));
            if (problems.isEmpty()) {
                err.println("stack-advisor: invalid facts or expectations (" + VerifyCommand.plural(missing.size(), "problem") + ")");
                err.flush();
            } else {
                FailureHandler.report(err, "invalid facts or expectations", problems);
            }
            return ExitCodes.INVALID_FACTS;
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.DIFFERS;
    }

}
