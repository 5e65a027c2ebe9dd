package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples of the embedding manual's "Use it as a library" section (docs/embedding.md,
 * once the README's) are the code between the {@code README:begin}/{@code README:end} markers
 * below, compiled and run here; a test checks that the manual holds each one verbatim, so it
 * cannot drift from code that works.
 */
class ReadmeExampleTest {
    private static final Path SELF = Path.of("src", "test", "java", "org", "stackadvisor", "ReadmeExampleTest.java");
    private static final Pattern SNIPPET = Pattern.compile("\\n([ \\t]*)// README:begin (\\S+)\\n(.*?)\\n[ \\t]*// README:end",
            Pattern.DOTALL);

    @TempDir
    Path folder;

    @Test
    void whenTheDecideExampleRuns_thenItPrintsTheVerdictAndTheClaims() {
        PrintStream standardOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String contract;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            // README:begin decide
            StackAdvisor advisor = StackAdvisor.bundled();
            Project project = Project.builder("Support-desk live chat")
                    .systemSize("small")
                    .traits("real-time", "chat", "io-bound")
                    .libraries("express", "react")
                    .teamSkills("javascript", "async")
                    .build();
            Decision decision = advisor.decide(project);
            System.out.println(decision.verdict());       // nodejs
            System.out.println(decision.firedClaims());   // the article's claims the decision rests on
            String json = decision.toJson();              // what `decide --format json` prints
            // README:end
            contract = json;
        } finally {
            System.setOut(standardOut);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).hasSize(2).first().isEqualTo("nodejs");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("UC-3");
        assertThat(contract).startsWith("{").contains("\"verdict\" : \"nodejs\"");
    }

    @Test
    void whenTheReloadExampleRuns_thenTheEditedRulesServe() throws Exception {
        Path rulesFolder = RulesCopy.into(folder);
        Path scenariosFolder = Path.of("facts");
        List<Decision> decisions = new ArrayList<>();
        // README:begin reload
        StackAdvisor advisor = StackAdvisor.builder()
                .rulesDirectory(rulesFolder)
                .scenarios(scenariosFolder)
                .listener(decision -> decisions.add(decision))
                .build();
        // ... someone edits the rules in rulesFolder ...
        ReloadResult reload = advisor.reload();
        if (!reload.swapped()) {
            reload.problems().forEach(problem -> System.err.println(problem));
        }
        // README:end
        assertThat(reload.swapped()).as(reload.toString()).isTrue();
        assertThat(advisor.decide(scenariosFolder.resolve("live-chat.json")).knowledgeBaseSha256()).isEqualTo(reload.newSha256());
        assertThat(decisions).hasSize(1);
    }

    @Test
    void whenTheReadmeIsRead_thenItHoldsEveryExampleVerbatim() throws Exception {
        String readme = Files.readString(Path.of("docs", "embedding.md"), StandardCharsets.UTF_8);
        Matcher snippets = SNIPPET.matcher(Files.readString(SELF, StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        while (snippets.find()) {
            names.add(snippets.group(2));
            String indent = snippets.group(1);
            String code = Stream.of(snippets.group(3).split("\n"))
                    .map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line)
                    .reduce("", (text, line) -> text + line + "\n");
            assertThat(readme).as("docs/embedding.md example '" + snippets.group(2) + "'").contains("```java\n" + code + "```\n");
        }
        assertThat(names).containsExactly("decide", "reload");
    }
}
