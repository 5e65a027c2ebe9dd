package org.stackadvisor.cli;

import java.nio.file.Path;
import org.stackadvisor.StackAdvisor;
import picocli.CommandLine.Option;

/** {@code --rules DIR}: every command can run on a rule base folder instead of the bundled one. */
final class RuleBaseOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Load the rule base from this folder (its manifest.json and DRL files) instead of the bundled one.")
    Path rules;

    StackAdvisor advisor() {
        return builder().build();
    }

    /** The settings for an advisor on the chosen rule base, for commands that add settings of their own. */
    StackAdvisor.Builder builder() {
        StackAdvisor.Builder builder = StackAdvisor.builder();
        return rules == null ? builder : builder.rulesDirectory(rules);
    }
}
