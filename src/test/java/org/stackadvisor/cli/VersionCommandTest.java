package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --version}: the project's and Drools' versions, from the build; {@code decide --help} on the rule base's version and hash. */
class VersionCommandTest {
    private static String pomValue(String regex) throws Exception {
        Matcher matcher = Pattern.compile(regex).matcher(Files.readString(Path.of("pom.xml")));
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }

    @Test
    void whenTheVersionIsAsked_thenItPrintsTheProjectsVersionAndTheDroolsVersion() throws Exception {
        String version = pomValue("</artifactId>\\s*<version>([^<]+)</version>");
        String drools = pomValue("<drools.version>([^<]+)</drools.version>");
        CommandRun run = CommandRun.of("--version");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("stack-advisor " + version + "\n", "Drools " + drools + "\n").doesNotContain("development build");
    }

    @Test
    void whenDecideHelpIsAsked_thenItSaysTheRuleBaseVersionIsTheManifestsAndItsHashTellsChangesApart() {
        CommandRun run = CommandRun.of("decide", "--help");
        assertThat(run.exitCode).isZero();
        assertThat(run.out.replaceAll("\\s+", " ")).contains("The rule base's version is the one its manifest (manifest.json) states",
                "sha256 hash, printed with each decision, is what tells changed rules apart");
    }
}
