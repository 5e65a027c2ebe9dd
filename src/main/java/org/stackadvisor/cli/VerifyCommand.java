package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.stackadvisor.Problem;
import org.stackadvisor.authoring.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verify}: compiles and lints a rule base, printing each problem as {@code path:line:column: error|warning: message}. */
@Command(name = "verify", aliases = "lint", mixinStandardHelpOptions = true,
        description = {"Compile and lint the rule base: the manifest, the DRL files and the decision tables.",
                "Prints every problem as path:line:column: error|warning: message; warnings alone pass.",
                "lint is another name of verify."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the rule base compiles and has no error (warnings may remain)", ExitCodes.LIST_USAGE,
                "4:the rule base has errors"})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuleBaseOption ruleBase = new RuleBaseOption();

    @Option(names = "--facts", paramLabel = "PATH",
            description = "Also decide these facts files (a file or a folder of them) under the firing limit: a rule that loops"
                    + " only on several facts at once is caught too (default: the rule base's examples, as test uses them;"
                    + " examples that do not read are left to test).")
    java.nio.file.Path facts;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format: text (default) or json.")
    Format format;

    @Override
    public Integer call() {
        Verification verification = facts != null ? Verification.of(ruleBase.rules, facts)
                : Verification.withExamples(ruleBase.rules, ruleBase.defaultFacts());
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(verification.toJson());
            out.flush();
            return verification.passed() ? ExitCodes.OK : ExitCodes.INVALID_RULES;
        }
        for (Problem problem : verification.problems()) {
            out.println(Text.safe(problem.toCompilerLine()));
        }
        int errors = verification.errors().size();
        int warnings = verification.warnings().size();
        String ruleBaseName = verification.origin().equals("bundled:") ? "bundled rule base" : verification.origin();
        out.println(Text.safe(ruleBaseName) + ": " + (errors == 0 ? "verified" : "not verified") + ", "
                + plural(errors, "error") + ", " + plural(warnings, "warning"));
        out.flush();
        return verification.passed() ? ExitCodes.OK : ExitCodes.INVALID_RULES;
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
