package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What {@code whatif} and {@code whynot} share: the facts file, {@code --format} and {@code --pair-limit N}. */
final class ExplanationOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A facts file (JSON) describing the project.")
    Path file;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (default) or json.")
    Format format;

    private int pairLimit = StackAdvisor.DEFAULT_PAIR_LIMIT;

    @Option(names = "--pair-limit", paramLabel = "N", defaultValue = "" + StackAdvisor.DEFAULT_PAIR_LIMIT,
            description = "Try at most N pairs of changes when no single change does (default: ${DEFAULT-VALUE}; 0: single changes only).")
    void pairLimit(int pairLimit) {
        if (pairLimit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pair-limit must be 0 or more, not " + pairLimit);
        }
        this.pairLimit = pairLimit;
    }

    int pairLimit() {
        return pairLimit;
    }

    Project project() {
        return Project.read(file);
    }

    /** Prints the explanation in the format asked for. */
    int print(Supplier<String> json, Supplier<String> text) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(json.get());
        } else {
            out.print(text.get());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
