package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return runWith(Map.of(), args);
    }

    /** Runs the jar with some environment variables set, such as the locale. */
    private Result runWith(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile());
        builder.environment().putAll(environment);
        Process process = builder
                .redirectOutput(elsewhere.resolve("out.txt").toFile())
                .redirectError(elsewhere.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the jar finishes").isTrue();
        return new Result(process.exitValue(), Files.readString(elsewhere.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(elsewhere.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void whenTheLocaleIsPlainAscii_thenTheJsonIsStillUtf8AndTheSameBytesAsUnderAUtf8Locale() throws Exception {
        // given a project whose name is not ASCII, as one facts file and as a one-line batch
        String name = "Caf\u00e9 \u6771\u4eac \u2014 chat";
        String facts = "{\"name\": \"" + name + "\", \"traits\": [\"real-time\", \"chat\"]}";
        Files.writeString(elsewhere.resolve("cafe.json"), facts, StandardCharsets.UTF_8);
        Files.writeString(elsewhere.resolve("cafe.jsonl"), facts + "\n", StandardCharsets.UTF_8);
        Map<String, String> ascii = Map.of("LC_ALL", "C", "LANG", "C");
        Map<String, String> utf8 = Map.of("LC_ALL", "C.UTF-8", "LANG", "C.UTF-8");
        // when the jar decides them under the C locale and under a UTF-8 locale
        Result single = runWith(ascii, "decide", "--format", "json", "cafe.json");
        Result batch = runWith(ascii, "decide", "--batch", "cafe.jsonl");
        Result singleUtf8 = runWith(utf8, "decide", "--format", "json", "cafe.json");
        // then the name comes out whole, in UTF-8, and the bytes do not depend on the locale
        assertThat(single.exit).as(single.err).isZero();
        assertThat(single.out).contains("\"project\" : \"" + name + "\"").isEqualTo(singleUtf8.out);
        assertThat(batch.exit).as(batch.err).isZero();
        assertThat(batch.out).contains("\"project\":\"" + name + "\"");
    }

    @Test
    void whenTestAndCoverageRunFromAnotherFolder_thenTheyUseTheShippedExamplesAndPass() throws Exception {
        // the working folder is a temporary one, with no facts/ in it
        Result test = run("test");
        Result coverage = run("coverage");
        assertThat(test.exit).as(test.err).isZero();
        assertThat(test.out).contains("ok   live-chat (nodejs)", " failed").doesNotContain("ERR");
        assertThat(coverage.exit).as(coverage.err).isZero();
        assertThat(coverage.out).contains("Totals: ");
        assertThat(elsewhere.resolve("facts")).doesNotExist();
    }

    @Test
    void whenTheVersionIsAsked_thenTheJarPrintsTheProjectsVersion() throws Exception {
        Result version = run("--version");
        assertThat(version.exit).isZero();
        assertThat(version.out).startsWith("stack-advisor 1.").contains("Drools 10.").doesNotContain("development build");
    }

    @Test
    void whenThePackageIsBuilt_thenItsSourcesAndJavadocJarsComeWithItAndTheJavadocLeavesOutInternal() throws Exception {
        Path target = JAR.getParent();
        Path sources;
        Path javadoc;
        try (java.util.stream.Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(file -> file.getFileName().toString().startsWith("stack-advisor-")).toList();
            sources = jars.stream().filter(file -> file.toString().endsWith("-sources.jar")).findFirst().orElseThrow();
            javadoc = jars.stream().filter(file -> file.toString().endsWith("-javadoc.jar")).findFirst().orElseThrow();
        }
        try (JarFile jar = new JarFile(sources.toFile())) {
            assertThat(jar.getEntry("org/stackadvisor/StackAdvisor.java")).isNotNull();
        }
        try (JarFile jar = new JarFile(javadoc.toFile())) {
            assertThat(jar.getEntry("org/stackadvisor/StackAdvisor.html")).isNotNull();
            assertThat(jar.stream().map(JarEntry::getName).filter(name -> name.contains("/internal/"))).isEmpty();
        }
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
