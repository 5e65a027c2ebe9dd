package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facts as YAML files and on standard input ({@code decide -}). */
class FactsInputCommandTest {
    @TempDir
    Path folder;

    @Test
    void whenAFactsFileComesOnStandardInput_thenTheDecisionEqualsTheFiles() throws Exception {
        String json = Files.readString(Path.of("facts/live-chat.json"));
        for (String format : new String[] {"json", "text"}) {
            CommandRun fromFile = CommandRun.of("decide", "--format", format, "facts/live-chat.json");
            CommandRun fromStdin = CommandRun.withInput(json, "decide", "--format", format, "-");
            assertThat(fromStdin.exitCode).as(fromStdin.toString()).isZero();
            assertThat(fromStdin.out).isEqualTo(fromFile.out);
            assertThat(fromStdin.err).isEmpty();
        }
    }

    @Test
    void whenYamlComesOnStandardInputOrAsAFile_thenItDecidesAsItsJson() throws Exception {
        String yaml = "name: Support-desk live chat\ndomain: retail\nsystemSize: small\ndataVolume: moderate\n"
                + "traits: [real-time, chat, io-bound]\nneeds: [web-app]\nlibraries: [express, react]\n"
                + "team: {skills: [javascript, async], experience: intermediate, backendExperts: false}\n";
        Path file = folder.resolve("live-chat.yaml");
        Files.writeString(file, yaml);
        CommandRun fromJson = CommandRun.of("decide", "--format", "json", "facts/live-chat.json");
        CommandRun fromYamlFile = CommandRun.of("decide", "--format", "json", file.toString());
        CommandRun fromYamlStdin = CommandRun.withInput(yaml, "decide", "--format", "json", "-");
        assertThat(fromYamlFile.exitCode).as(fromYamlFile.toString()).isZero();
        assertThat(fromYamlFile.out).isEqualTo(fromJson.out);
        assertThat(fromYamlStdin.exitCode).as(fromYamlStdin.toString()).isZero();
        assertThat(fromYamlStdin.out).isEqualTo(fromJson.out);
    }

    @Test
    void whenFactsOnStandardInputAreInvalid_thenTheyAreNamedStdinWithLineAndColumnAndExit3() {
        CommandRun run = CommandRun.withInput("name: Chat\ntraits: [real-tim]\n", "decide", "-");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.INVALID_FACTS);
        assertThat(run.err).startsWith("<stdin>:2:10: $.traits[0]: unknown term 'real-tim'").contains("did you mean 'real-time'?");
        CommandRun empty = CommandRun.withInput("", "decide", "-");
        assertThat(empty.exitCode).isEqualTo(ExitCodes.INVALID_FACTS);
        assertThat(empty.err).startsWith("<stdin>:1:1: the document is empty");
    }

    @Test
    void whenStandardInputIsNamedTwice_thenItIsAUsageError() {
        CommandRun run = CommandRun.withInput("name: x\n", "decide", "-", "-");
        assertThat(run.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).contains("standard input (-) holds one facts document; give - once");
    }

    @Test
    void whenAYamlFileHasAnError_thenTheMessageNamesFileLineAndColumnAndExit3() throws Exception {
        Path file = folder.resolve("broken.yml");
        Files.writeString(file, "name: Chat\ntraits: [chat\n");
        CommandRun run = CommandRun.of("decide", file.toString());
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_FACTS);
        assertThat(run.err).startsWith(file + ":3:1: not valid YAML: while parsing a flow sequence: expected ',' or ']'");
    }
}
