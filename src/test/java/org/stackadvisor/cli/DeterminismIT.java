package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two separate JVMs, started from the runnable jar, print byte-identical decision JSON for every
 * example; the second runs with another identity-hash algorithm and another garbage collector,
 * so nothing in a decision may depend on object identity or memory layout. A decision saved by
 * one JVM replays as reproduced in another.
 */
class DeterminismIT {
    private static final Path JAR = Path.of("target", "stack-advisor.jar").toAbsolutePath();

    @TempDir
    Path folder;

    private byte[] decideAll(String name, List<String> jvmOptions, List<String> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "decide", "--format", "json"));
        command.addAll(files);
        Path out = folder.resolve(name + ".json");
        Path err = folder.resolve(name + ".err");
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the jar finishes").isTrue();
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        return Files.readAllBytes(out);
    }

    @Test
    void whenTwoJvmsDecideEveryExampleAsJson_thenTheBytesAreIdentical() throws Exception {
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of("facts").toAbsolutePath())) {
            files = list.filter(file -> file.toString().endsWith(".json")).map(Path::toString).sorted().collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThan(5);
        byte[] first = decideAll("first", List.of(), files);
        byte[] second = decideAll("second", List.of("-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2", "-XX:+UseSerialGC"), files);
        assertThat(first.length).isGreaterThan(10_000);
        assertThat(second).as("decisions of the second JVM").isEqualTo(first);
    }

    @Test
    void whenADecisionSavedByOneJvmIsReplayedInAnother_thenItIsReproduced() throws Exception {
        String facts = Path.of("facts", "insurance-analytics.json").toAbsolutePath().toString();
        Path saved = folder.resolve("saved.json");
        Files.write(saved, decideAll("saved", List.of(), List.of(facts)));
        Process replay = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "replay", saved.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("replay.txt").toFile()).start();
        assertThat(replay.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(folder.resolve("replay.txt"))).isEqualTo("reproduced\n");
        assertThat(replay.exitValue()).isZero();
    }
}
