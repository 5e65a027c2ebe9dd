package example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.Decision;
import org.stackadvisor.Firing;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;

/** An application's own tests of Stack Advisor, built against the installed artifact. */
class ConsumerTest {
    private static final Path FACTS = Path.of(System.getProperty("facts.dir"));

    @TempDir
    Path workingDirectory;

    @Test
    void whenTheAcceptanceProgramRunsOnTheRuntimeClassPath_thenItPrintsTheVerdictAndTheContractJson() throws Exception {
        // given the program and exactly the class path a consumer gets at run time (no test libraries)
        String runtimeClassPath = Files.readString(Path.of(System.getProperty("runtime.classpath.file"))).trim();
        String classPath = System.getProperty("main.classes") + File.pathSeparator + runtimeClassPath;
        Path facts = FACTS.resolve("live-chat.json");
        // when it runs as its own JVM
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "example.Advise", facts.toString())
                .directory(workingDirectory.toFile())
                .redirectOutput(workingDirectory.resolve("out.txt").toFile())
                .redirectError(workingDirectory.resolve("err.txt").toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the program finishes").isTrue();
        String out = Files.readString(workingDirectory.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(workingDirectory.resolve("err.txt"), StandardCharsets.UTF_8);
        System.out.println("Acceptance program output:\n" + out + "Acceptance program standard error:\n" + err);
        // then it prints the verdict, then the contract JSON the library gives for that file
        assertThat(process.exitValue()).as(err).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("nodejs");
        String json = String.join("\n", lines.subList(1, lines.size()));
        assertThat(json).isEqualTo(StackAdvisor.bundled().decide(facts).toJson().strip());
        assertThat(json).startsWith("{").contains("\"verdict\" : \"nodejs\"", "\"knowledgeBase\"", "\"firings\"");
        assertThat(err).as("no logging binding came with the library").doesNotContain("SimpleLogger", "INFO");
    }

    @Test
    void whenAProjectBuiltInCodeIsDecided_thenTheVerdictAndAFiringAreThere() {
        // given a project described in code
        Project chat = Project.builder("Support-desk live chat")
                .systemSize("small")
                .traits("real-time", "chat", "io-bound")
                .teamSkills("javascript", "async")
                .build();
        // when the bundled advisor decides it
        Decision decision = StackAdvisor.bundled().decide(chat);
        // then Node.js wins, and the real-time rule fired citing its claim
        assertThat(decision.verdict()).isEqualTo("nodejs");
        assertThat(decision.firings()).filteredOn(firing -> !firing.superseded()).extracting(Firing::rule)
                .contains("Chat and streaming platforms are the real-time data-heavy web work Node.js is best at");
        assertThat(decision.firedClaims()).contains("UC-3");
        assertThat(decision.knowledgeBaseSha256()).hasSize(64);
    }
}
