package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON that a user got wrong, named in plain words: never a parser's feature name; file:line:column and exit 3. */
class PlainFactsMessagesCommandTest {
    @TempDir
    Path folder;

    @Test
    void whenAJsonFileHasAComment_thenTheMessageSaysJsonAllowsNone() throws Exception {
        assertPlain("{\n  \"name\": \"Chat\", // our chat\n  \"traits\": [\"chat\"]\n}\n",
                ":2:19: not valid JSON: JSON does not allow comments; remove the comment, or write the facts as YAML (a .yaml file)");
        assertPlain("/* our chat */ {\"name\": \"Chat\"}", ":1:1: not valid JSON: JSON does not allow comments");
        assertPlain("{\"name\": \"Chat\" # our chat\n}", ":1:17: not valid JSON: JSON does not allow comments");
    }

    @Test
    void whenJsonOnStandardInputHasAComment_thenTheMessageSaysJsonAllowsNone() {
        CommandRun run = CommandRun.withInput("// our chat\n{\"name\": \"Chat\"}", "decide", "-");
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_FACTS);
        assertThat(run.err).startsWith("<stdin>:1:1: not valid JSON: JSON does not allow comments").doesNotContain("ALLOW_");
    }

    @Test
    void whenAJsonFileHoldsYaml_thenTheMessageSaysNameItYaml() throws Exception {
        assertPlain("# our chat\nname: Chat\ntraits: [chat]\n",
                ":1:1: not valid JSON: this looks like YAML, not JSON: name the file .yaml (or .yml) to read it as YAML");
        assertPlain("name: Chat\n", ":1:5: not valid JSON: this looks like YAML, not JSON: name the file .yaml");
    }

    @Test
    void whenAJsonFileHoldsNaNOrInfinity_thenTheMessageSaysJsonAllowsNoSuchNumber() throws Exception {
        assertPlain("{\"name\": \"Chat\", \"systemSize\": NaN}", ":1:35: not valid JSON: NaN is not a number JSON allows");
        assertPlain("{\"name\": \"Chat\", \"systemSize\": -Infinity}", ":1:41: not valid JSON: -Infinity is not a number JSON allows");
    }

    @Test
    void whenAJsonFileUsesOtherNonStandardSyntax_thenNoParserFeatureIsNamed() throws Exception {
        assertPlain("{'name': 'Chat'}", ":1:2: not valid JSON: JSON writes text and keys in double quotes (\"like this\"), not single quotes");
        assertPlain("{name: \"Chat\"}", ":1:2: not valid JSON: JSON writes every key in double quotes, such as \"name\"");
        assertPlain("{\"name\": \"Chat\",}", ":1:17: not valid JSON: JSON does not allow a comma before '}'");
        assertPlain("{\"name\": \"Chat\", \"traits\": [\"chat\",]}", ":1:36: not valid JSON: JSON does not allow a comma before ']'");
        assertPlain("{\"name\": \"Chat\", \"n\": +1}", ":1:24: not valid JSON: ");
        assertPlain("{\"name\": \"Chat\", \"n\": .5}", ":1:23: not valid JSON: ");
    }

    private void assertPlain(String json, String expected) throws Exception {
        Path file = Files.createTempFile(folder, "facts", ".json");
        Files.writeString(file, json);
        CommandRun run = CommandRun.of("decide", file.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.INVALID_FACTS);
        assertThat(run.err).startsWith(file + expected).contains("stack-advisor: invalid facts (1 problem)");
        assertThat(run.err).doesNotContain("ALLOW_", "Feature", "JsonReadFeature", "enable");
        assertThat(run.out).isEmpty();
    }
}
