package org.stackadvisor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.stackadvisor.StackAdvisor;
import picocli.CommandLine.Option;

/** {@code --rules DIR}: every command can run on a rule base folder instead of the bundled one. */
final class RuleBaseOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Load the rule base from this folder (its manifest.json and DRL files) instead of the bundled one.")
    Path rules;

    @Option(names = "--strict",
            description = "Refuse every term of traits, needs, libraries and team.skills that the vocabulary does not know"
                    + " (by default such a term is accepted and listed as not weighed).")
    boolean strict;

    /**
     * The example projects to use when a command is given none: for the bundled rule base, the
     * examples shipped with it; for a folder {@code DIR}, {@code DIR/facts} if it exists, else the
     * {@code facts} folder beside {@code DIR} (as {@code rules/} and {@code facts/} stand in this
     * project), else the shipped examples. Never the working folder's: every command works from
     * any folder.
     */
    Path defaultFacts() {
        if (rules != null) {
            Path inside = rules.resolve("facts");
            if (Files.isDirectory(inside)) {
                return inside;
            }
            Path parent = rules.toAbsolutePath().normalize().getParent();
            if (parent != null && Files.isDirectory(parent.resolve("facts"))) {
                return parent.resolve("facts");
            }
        }
        return BundledExamples.folder();
    }

    StackAdvisor advisor() {
        return builder().build();
    }

    /** The settings for an advisor on the chosen rule base, for commands that add settings of their own. */
    StackAdvisor.Builder builder() {
        StackAdvisor.Builder builder = StackAdvisor.builder().strictTerms(strict);
        return rules == null ? builder : builder.rulesDirectory(rules);
    }
}
