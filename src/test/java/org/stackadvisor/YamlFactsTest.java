package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stackadvisor.internal.json.JsonDocumentReader;
import org.junit.jupiter.api.io.TempDir;

/** Facts written in YAML: the same checks, places in messages and canonical facts as JSON. */
class YamlFactsTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    @TempDir
    Path folder;

    @Test
    void whenEveryExampleIsWrittenAsYaml_thenItDecidesWithTheSameInputHashAndVerdict() throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            examples = files.filter(file -> file.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        assertThat(examples).hasSizeGreaterThan(10);
        for (Path json : examples) {
            JsonNode facts = new ObjectMapper().readTree(json.toFile());
            Path yaml = folder.resolve(json.getFileName().toString().replace(".json", ".yaml"));
            Files.writeString(yaml, new YAMLMapper().writeValueAsString(facts));
            Decision fromJson = ADVISOR.decide(json);
            Decision fromYaml = ADVISOR.decide(yaml);
            assertThat(fromYaml.inputSha256()).as(json.toString()).isEqualTo(fromJson.inputSha256());
            assertThat(fromYaml.verdict()).as(json.toString()).isEqualTo(fromJson.verdict());
            assertThat(fromYaml.toJson()).as(json.toString()).isEqualTo(fromJson.toJson());
        }
    }

    @Test
    void whenYamlIsWrittenByHandWithCommentsAndBlockLists_thenItIsTheSameProjectAsItsJson() throws Exception {
        Path yaml = folder.resolve("live-chat.yml");
        Files.writeString(yaml, String.join("\n",
                "# the support desk's chat, as facts/live-chat.json",
                "name: Support-desk live chat",
                "domain: retail",
                "traits:            # in another order, one repeated: the same facts",
                "  - io-bound",
                "  - real-time",
                "  - chat",
                "  - chat",
                "needs: [web-app]",
                "libraries: [react, express]",
                "team:",
                "  skills: [javascript, async]",
                "  experience: intermediate",
                "  backendExperts: false",
                "systemSize: small",
                "dataVolume: 'moderate'",
                ""));
        Decision fromJson = ADVISOR.decide(Path.of("facts/live-chat.json"));
        Decision fromYaml = ADVISOR.decide(yaml);
        assertThat(fromYaml.inputSha256()).isEqualTo(fromJson.inputSha256());
        assertThat(fromYaml.verdict()).isEqualTo("nodejs").isEqualTo(fromJson.verdict());
        assertThat(fromYaml.firedRules()).isEqualTo(fromJson.firedRules());
    }

    @Test
    void whenYamlHasAnUnknownTermOrAWrongType_thenTheProblemNamesItsLineAndColumn() {
        String yaml = "name: Chat\ntraits:\n  - chat\n  - real-tim\nteam:\n  backendExperts: yes\nsystemSize: gigantic\n";
        assertThatThrownBy(() -> ADVISOR.decide(Project.parseYaml(yaml, "chat.yaml")))
                .isInstanceOf(InvalidFactsException.class)
                .satisfies(e -> assertThat(((InvalidFactsException) e).problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                        "chat.yaml:4:5: $.traits[1]: unknown term 'real-tim' for 'traits'; allowed terms: real-time, chat, streaming,"
                                + " data-intensive, io-bound, heavy-processing, memory-intensive, 3d-rendering, high-load, needs-stability,"
                                + " fast-runtime, complex-problem; did you mean 'real-time'?",
                        // YAML 1.2: only true and false are booleans, as in JSON
                        "chat.yaml:6:19: $.team.backendExperts: 'team.backendExperts' must be true or false, not the text \"yes\"",
                        "chat.yaml:7:13: $.systemSize: unknown term 'gigantic' for 'systemSize'; allowed terms: small, medium, large"));
    }

    @Test
    void whenYamlIsNotWellFormed_thenTheProblemNamesFileLineAndColumnInPlainWords() {
        assertProblem("name: x\ntraits: [chat\n", "f.yaml:3:1: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>");
        assertProblem("name: x\n\tteam: y\n", "f.yaml:2:1: not valid YAML: ");
        assertProblem("name: x\nname: y\n", "f.yaml:2:1: $.name: duplicate key 'name'");
        assertProblem("name: &who x\nsystemSize: *who\n", "f.yaml:2:13: $.systemSize: YAML anchors and aliases (&name, *name) are not allowed");
        assertProblem("name: x\n---\nname: y\n", "f.yaml:3:1: a second YAML document follows the first; a facts file holds one");
        assertProblem("", "f.yaml:1:1: the document is empty; a facts file is a YAML mapping such as name: My project");
        assertProblem("- name: x\n", "f.yaml:1:1: $: a facts document is a YAML mapping such as name: My project");
        assertProblem("name: x\ndomain: " + "a".repeat(JsonDocumentReader.MAX_STRING_LENGTH + 1) + "\n",
                "f.yaml:2:9: the document exceeds a limit: a text value is longer than 10000 characters");
        assertProblem("name: x\nq: " + "[".repeat(40) + "]".repeat(40) + "\n",
                "f.yaml:2:35: the document exceeds a limit: it nests objects and lists deeper than 32 levels");
    }

    private static void assertProblem(String yaml, String expected) {
        assertThatThrownBy(() -> ADVISOR.decide(Project.parseYaml(yaml, "f.yaml")))
                .isInstanceOf(InvalidFactsException.class)
                .satisfies(e -> assertThat(((InvalidFactsException) e).problems().get(0).toString()).startsWith(expected));
    }

    @Test
    void whenAFileIsNamedYamlOrYml_thenItIsReadAsYamlAndOtherwiseAsJson() throws Exception {
        for (String name : List.of("p.yaml", "p.yml", "P.YAML")) {
            Path file = folder.resolve(name);
            Files.writeString(file, "name: P\n");
            assertThat(Project.read(file).name()).isEqualTo("P");
        }
        Path json = folder.resolve("p.txt");
        Files.writeString(json, "{\"name\": \"P\"}");
        assertThat(Project.read(json).name()).isEqualTo("P");
    }

    @Test
    void whenADocumentComesFromAStream_thenJsonOrYamlIsToldByItsFirstCharacter() {
        Project yaml = Project.read(stream("# chat\nname: Chat\ntraits: [chat]\n"), "<stdin>", 1000);
        Project json = Project.read(stream("\n  {\"name\": \"Chat\", \"traits\": [\"chat\"]}"), "<stdin>", 1000);
        assertThat(ADVISOR.decide(yaml).inputSha256()).isEqualTo(ADVISOR.decide(json).inputSha256());
        assertThatThrownBy(() -> Project.read(stream("{\"name\": \"Chat\"}"), "<stdin>", 10))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("<stdin>: holds more than 10 bytes");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
