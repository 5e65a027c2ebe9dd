package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;
import org.stackadvisor.authoring.Scenario;
import picocli.CommandLine;

/**
 * {@code test} and {@code coverage} without facts: the examples of the rule base, never the
 * working folder's (RunnableJarIT runs the jar from another folder; in-process the working folder
 * cannot change, so here the default is shown to depend on the rule base only).
 */
class DefaultFactsCommandTest {
    @TempDir
    Path temp;

    private static RuleBaseOption option(String... args) {
        RuleBaseOption option = new RuleBaseOption();
        new CommandLine(option).parseArgs(args);
        return option;
    }

    @Test
    void whenTheRuleBaseIsBundled_thenTheDefaultIsTheShippedExamplesNotTheWorkingFolder() {
        Path examples = option().defaultFacts();
        assertThat(examples).isAbsolute().endsWith(Path.of("org", "stackadvisor", "bundled-facts"));
        assertThat(Scenario.discover(examples)).hasSameSizeAs(Scenario.discover(Path.of("facts")));
        assertThat(examples.resolve("expected/live-chat.json")).exists();
    }

    @Test
    void whenTheRuleBaseIsAFolderWithFactsBesideIt_thenTestRunsThoseScenarios() throws Exception {
        // given a project folder elsewhere: rules/ and a facts/ with one example and its expectations beside it
        Path rules = RulesCopy.into(temp.resolve("project"));
        Path facts = Files.createDirectories(rules.resolveSibling("facts").resolve("expected"));
        Files.copy(Path.of("facts/live-chat.json"), facts.resolveSibling("live-chat.json"));
        Files.copy(Path.of("facts/expected/live-chat.json"), facts.resolve("live-chat.json"));
        assertThat(option("--rules", rules.toString()).defaultFacts()).isEqualTo(facts.getParent());
        // when test and coverage run on it with no facts named
        CommandRun test = CommandRun.of("test", "--rules", rules.toString());
        CommandRun coverage = CommandRun.of("coverage", "--rules", rules.toString(), "--format", "json");
        // then they use that one example
        assertThat(test.exitCode).as(test.toString()).isZero();
        assertThat(test.out).contains("ok   live-chat (nodejs)", "1 scenario: 1 passed, 0 failed");
        assertThat(coverage.exitCode).as(coverage.toString()).isZero();
        assertThat(coverage.out).contains("\"scenarios\" : 1");
    }

    @Test
    void whenTheRuleBaseFolderHoldsFacts_thenTheyComeFirst() throws Exception {
        Path rules = RulesCopy.into(temp.resolve("project"));
        Path inside = Files.createDirectories(rules.resolve("facts"));
        assertThat(option("--rules", rules.toString()).defaultFacts()).isEqualTo(inside);
    }
}
