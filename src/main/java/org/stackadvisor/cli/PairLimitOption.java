package org.stackadvisor.cli;

import org.stackadvisor.StackAdvisor;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --pair-limit N}: how many pairs of changes the what-if and why-not searches may try. */
final class PairLimitOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private int pairLimit = StackAdvisor.DEFAULT_PAIR_LIMIT;

    @Option(names = "--pair-limit", paramLabel = "N", defaultValue = "" + StackAdvisor.DEFAULT_PAIR_LIMIT,
            description = "Try at most N pairs of changes when no single change does (default: ${DEFAULT-VALUE}; 0: single changes only).")
    void pairLimit(int pairLimit) {
        if (pairLimit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pair-limit must be 0 or more, not " + pairLimit);
        }
        this.pairLimit = pairLimit;
    }

    int value() {
        return pairLimit;
    }
}
