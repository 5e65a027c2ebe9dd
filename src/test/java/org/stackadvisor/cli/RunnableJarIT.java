package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar itself, started as a user starts it, from another working directory: Drools
 * finds its modules in the shaded jar, the bundled rules load, and bad input gets exit 3.
 */
class RunnableJarIT {
    private static final Path JAR = Path.of("target", "stack-advisor.jar").toAbsolutePath();
    private static final Path FACTS = Path.of("facts").toAbsolutePath();

    @TempDir
    Path elsewhere;

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(elsewhere.toFile())
                .redirectOutput(elsewhere.resolve("out.txt").toFile())
                .redirectError(elsewhere.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the jar finishes").isTrue();
        return new Result(process.exitValue(), Files.readString(elsewhere.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(elsewhere.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void whenTheJarDecidesAnExample_thenItPrintsTheVerdictAndNoLogNoise() throws Exception {
        Result result = run("decide", FACTS.resolve("live-chat.json").toString());
        assertThat(result.exit).as(result.err).isZero();
        assertThat(result.out).contains("Verdict: nodejs", "[UC-3]");
        assertThat(result.err).isEmpty();
    }

    @Test
    void whenTheJarDecidesAsJson_thenTheBundledRuleBaseHashMatchesTheRulesFolder() throws Exception {
        Result fromJar = run("decide", "--format", "json", FACTS.resolve("ml-fraud-detection.json").toString());
        Result fromFolder = run("decide", "--format", "json", "--rules", Path.of("rules").toAbsolutePath().toString(),
                FACTS.resolve("ml-fraud-detection.json").toString());
        assertThat(fromJar.exit).as(fromJar.err).isZero();
        assertThat(fromJar.out).contains("\"verdict\" : \"python\"").isEqualTo(fromFolder.out);
    }

    @Test
    void whenTheJarGetsATypo_thenExit3WithASuggestionAndNoStackTrace() throws Exception {
        Path typo = elsewhere.resolve("typo.json");
        Files.writeString(typo, "{\"name\": \"x\", \"traits\": [\"real-tim\"]}");
        Result result = run("decide", typo.toString());
        assertThat(result.exit).isEqualTo(3);
        assertThat(result.err).contains("did you mean 'real-time'?").doesNotContain("\tat ", "Exception");
    }

    @Test
    void whenTheJarUsesTheDecisionTable_thenItNeedsNoApachePoi() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.stream().map(JarEntry::getName).filter(name -> name.startsWith("org/apache/poi/")))
                    .as("Apache POI classes in the runnable jar").isEmpty();
        }
        Result verify = run("verify");
        assertThat(verify.exit).as(verify.out + verify.err).isZero();
        Result decide = run("decide", "--format", "json", FACTS.resolve("ai-image-service.json").toString());
        assertThat(decide.exit).as(decide.err).isZero();
        assertThat(decide.out).contains("PyTorch in the stack favours Python", "library-ecosystems.csv");
    }

    private static final class Result {
        final int exit;
        final String out;
        final String err;

        Result(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }
    }
}
