package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "What it prints" block is what {@code decide} prints for the example it names, so
 * that a newcomer who runs the command sees the page. Hashes are compared as hashes only: the
 * rule base's changes with every edit of a rule, and the README would chase it.
 */
class ReadmeOutputTest {
    private static final Pattern EXAMPLE = Pattern.compile(
            "## What it prints\\s+`decide (facts/\\S+\\.json)`.*?\\n```\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void whenTheReadmesExampleIsDecided_thenTheOutputIsTheReadmesBlock() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher example = EXAMPLE.matcher(readme);
        assertThat(example.find()).as("README has a 'What it prints' block after `decide facts/...json`").isTrue();

        CommandRun run = CommandRun.of("decide", example.group(1));

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(withoutHashValues(run.out.strip())).isEqualTo(withoutHashValues(example.group(2).strip()));
    }

    private static String withoutHashValues(String text) {
        return text.replaceAll("sha256:[0-9a-f]{64}", "sha256:<hash>");
    }
}
