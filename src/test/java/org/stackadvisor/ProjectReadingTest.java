package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.internal.json.JsonDocumentReader;

/**
 * The quick way from a facts file to a project (one read of the file, values read without their
 * places, places found only when a problem needs one) says what the slow way said.
 */
class ProjectReadingTest {
    @TempDir
    Path folder;

    @Test
    void whenADocumentIsReadForItsValuesAlone_thenItIsAcceptedOrRefusedAsThePlacingReadDoesIt() {
        qt().withFixedSeed(20_261_203L).withExamples(20_000)
                .forAll(FactsDocuments.mutated())
                .checkAssert(ProjectReadingTest::assertReadAlike);
        for (String hostile : List.of("{\"name\": \"x\", \"name\": \"y\"}", "{\"name\": \"x\\ud800\"}", "{\"x\\udc00\": 1}",
                "{\"name\": \"x\"} {}", "{\"name\": \"x\", \"traits\": [" + "[".repeat(40) + "]".repeat(40) + "]}",
                "{\"name\": \"" + "x".repeat(JsonDocumentReader.MAX_STRING_LENGTH + 1) + "\"}", "// no\n{}", "", "[]", "7",
                "{\"name\": \"x\", \"traits\": [" + "1,".repeat(20_000) + "1]}", "{\"name\": \"x\", \"a.b\": 1, \"a\": {\"b\": 2}}")) {
            assertReadAlike(hostile);
        }
    }

    private static void assertReadAlike(String document) {
        JsonDocumentReader.Parsed placed = JsonDocumentReader.read(document, "doc.json");
        Object values = JsonDocumentReader.readValues(document);
        if (placed.problems.isEmpty()) {
            assertThat(values).as(document).isEqualTo(placed.root);
        } else {
            assertThat(values).as(document).isNull();
        }
    }

    @Test
    void whenAValidFileHoldsAnUnknownTerm_thenTheProblemNamesItsLineAndColumn() throws IOException {
        Path file = Files.writeString(folder.resolve("shop.json"), "{\n  \"name\": \"Shop\",\n  \"traits\": [\"chat\", \"real-tim\"]\n}\n");
        assertThatThrownBy(() -> StackAdvisor.bundled().decide(file))
                .isInstanceOfSatisfying(InvalidFactsException.class, e -> assertThat(e.problems().get(0).toString())
                        .startsWith(file + ":3:22: $.traits[1]: unknown term 'real-tim'"));
    }

    @Test
    void whenAFileIsReadTwiceFromSeveralThreads_thenEachProblemIsPlacedAlike() throws Exception {
        Project project = Project.parse("{\"name\": \"Shop\",\n \"systemSize\": \"gigantic\"}", "shop.json");
        StackAdvisor advisor = StackAdvisor.bundled();
        List<CompletableFuture<String>> runs = List.of(1, 2, 3, 4).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> problemOf(advisor, project))).toList();
        for (CompletableFuture<String> run : runs) {
            assertThat(run.get(30, TimeUnit.SECONDS)).startsWith("shop.json:2:16: $.systemSize: unknown term 'gigantic'");
        }
    }

    private static String problemOf(StackAdvisor advisor, Project project) {
        try {
            advisor.decide(project);
            return "decided";
        } catch (InvalidFactsException e) {
            return e.problems().get(0).toString();
        }
    }

    @Test
    void whenAFileReportsNoSize_thenItIsReadToItsEnd() throws Exception {
        Path pipe = folder.resolve("facts.pipe");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo is available");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(pipe)) {
                out.write("{\"name\": \"Live chat\", ".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(50);
                out.write("\"traits\": [\"real-time\", \"chat\"]}".getBytes(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Project project = Project.read(pipe);
        writer.get(30, TimeUnit.SECONDS);
        assertThat(StackAdvisor.bundled().decide(project).verdict()).isEqualTo("nodejs");
        assertThat(project.name()).isEqualTo("Live chat");
    }
}
