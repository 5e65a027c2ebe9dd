package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;

/** A rule base of more than 20,000 rules is refused before it is compiled: exit 4, at once, naming the limit. */
class RuleBaseSizeCommandTest {
    @TempDir
    Path temp;

    @Test
    @Timeout(60)
    void whenTheRuleBaseHasMoreThanTwentyThousandRules_thenExit4BeforeCompilingNamingTheLimit() throws Exception {
        Path rules = RulesCopy.into(temp);
        String many = IntStream.range(0, 20_001).mapToObj(i -> "rule \"generated " + i + "\" @claims(\"UC-3\")\nwhen\nthen\nend\n")
                .collect(Collectors.joining("", "package org.stackadvisor.rules;\n\n", ""));
        Files.writeString(rules.resolve("generated.drl"), many);
        long start = System.nanoTime();
        CommandRun run = CommandRun.of("decide", "--rules", rules.toString(), "facts/live-chat.json");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.INVALID_RULES);
        assertThat(run.err).contains(rules + ": it has 20", " rules, more than the limit of 20000;",
                "refused before it is compiled", "stack-advisor: the rule base is too large (1 problem)").doesNotContain("\tat ");
        assertThat(millis).as("refused without compiling").isLessThan(20_000);
    }
}
