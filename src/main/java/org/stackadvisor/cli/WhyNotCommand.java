package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.WhyNotCandidate;
import org.stackadvisor.WhyNotRule;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whynot FILE --rule NAME | --candidate ID}: what a rule or a candidate lacked for a project. */
@Command(name = "whynot", mixinStandardHelpOptions = true,
        description = {"Explain why a rule did not fire (the nearest changes to the facts that make it fire), or why a"
                + " candidate lost (its score gap, and the rules that would have supported it with what each lacked)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_USAGE, ExitCodes.LIST_INVALID_FACTS, ExitCodes.LIST_INVALID_RULES})
final class WhyNotCommand implements Callable<Integer> {
    /** Exactly one question per run. */
    static final class Question {
        @Option(names = "--rule", paramLabel = "NAME", required = true, description = "The rule's name, as the trace shows it.")
        String rule;

        @Option(names = "--candidate", paramLabel = "ID", required = true, description = "A candidate ID, such as nodejs or python.")
        String candidate;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    RuleBaseOption ruleBase = new RuleBaseOption();

    @Mixin
    PairLimitOption pairLimit = new PairLimitOption();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Question question;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (default) or json.")
    DecideCommand.Format format;

    @Parameters(paramLabel = "FILE", description = "A facts file (JSON) describing the project.")
    Path file;

    @Override
    public Integer call() {
        StackAdvisor advisor = ruleBase.advisor();
        Project project = Project.read(file);
        String json;
        String text;
        try {
            if (question.rule != null) {
                WhyNotRule why = advisor.whyNotRule(project, question.rule, pairLimit.value());
                json = why.toJson();
                text = ExplanationText.render(why);
            } else {
                WhyNotCandidate why = advisor.whyNotCandidate(project, question.candidate, pairLimit.value());
                json = why.toJson();
                text = ExplanationText.render(why);
            }
        } catch (IllegalArgumentException unknownName) {
            throw new CommandLine.ParameterException(spec.commandLine(), Text.safe(unknownName.getMessage()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == DecideCommand.Format.json) {
            out.println(json);
        } else {
            out.print(text);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
