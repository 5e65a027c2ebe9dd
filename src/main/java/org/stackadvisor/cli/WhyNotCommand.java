package org.stackadvisor.cli;

import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.explain.WhyNotCandidate;
import org.stackadvisor.explain.WhyNotRule;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
    ExplanationOptions options = new ExplanationOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Question question;

    @Override
    public Integer call() {
        StackAdvisor advisor = ruleBase.advisor();
        Project project = options.project();
        if (question.rule != null) {
            WhyNotRule why = ask(() -> advisor.whyNotRule(project, question.rule, options.pairLimit()));
            return options.print(why::toJson, () -> ExplanationText.render(why));
        }
        WhyNotCandidate why = ask(() -> advisor.whyNotCandidate(project, question.candidate, options.pairLimit()));
        return options.print(why::toJson, () -> ExplanationText.render(why));
    }

    /** An unknown rule or candidate is a usage error: exit 2 with the API's did-you-mean. */
    private <T> T ask(Supplier<T> answer) {
        try {
            return answer.get();
        } catch (IllegalArgumentException unknownName) {
            throw new CommandLine.ParameterException(spec.commandLine(), Text.safe(unknownName.getMessage()));
        }
    }
}
