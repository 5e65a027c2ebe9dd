package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14's acceptance through the command line: real libraries, aliases, unknown terms and --strict. */
class RealProjectsCommandTest {
    @TempDir
    Path temp;

    private Path facts(String json) throws Exception {
        Path file = temp.resolve("project.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void whenFactsNameRealPackagesAndTypescript_thenTheyDecideAndWeighUnderFlcTAndLc1() throws Exception {
        // given the first facts file a new user wrote
        Path file = facts("{\"name\": \"Real stack\", \"libraries\": [\"fastapi\", \"sqlalchemy\", \"celery\", \"socket.io\"],"
                + " \"team\": {\"skills\": [\"typescript\"]}}");
        // when
        CommandRun run = CommandRun.of("decide", "--format", "json", file.toString());
        // then it decides, the Python packages weigh for Python and socket.io for Node.js under FLC-T,
        // typescript is understood as javascript and LC-1 fires
        assertThat(run.exitCode).as(run.toString()).isZero();
        JsonNode decision = new ObjectMapper().readTree(run.out);
        List<String> votes = new ArrayList<>();
        decision.path("conclusions").forEach(conclusion -> {
            if (conclusion.path("kind").asText().equals("recommendation")) {
                votes.add(conclusion.path("candidate").asText() + " " + conclusion.path("claims").get(0).asText());
            }
        });
        assertThat(votes).contains("python FLC-T", "nodejs FLC-T", "nodejs LC-1");
        assertThat(decision.path("understood").toString()).contains("\"given\":\"typescript\"", "\"understood\":\"javascript\"");
        assertThat(decision.path("input").path("facts").path("team").path("skills").toString()).isEqualTo("[\"javascript\"]");
        assertThat(run.err).doesNotContain("fastapi");
    }

    @Test
    void whenATraitIsUnknown_thenItDecidesAndIsNotWeighed_butStrictRefusesIt() throws Exception {
        Path file = facts("{\"name\": \"Services\", \"traits\": [\"microservices\", \"real-time\"]}");
        CommandRun run = CommandRun.of("decide", file.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("Not weighed:", "traits microservices: not in the rule base's vocabulary");
        assertThat(run.err).contains("notice: ", "traits 'microservices' is not in the vocabulary");

        CommandRun strict = CommandRun.of("decide", "--strict", file.toString());
        assertThat(strict.exitCode).isEqualTo(ExitCodes.INVALID_FACTS);
        assertThat(strict.err).contains("unknown term 'microservices'", "--strict");
    }

    @Test
    void whenATermIsANearMissOrAValueIsUnknown_thenItIsStillRefused() throws Exception {
        CommandRun typo = CommandRun.of("decide", facts("{\"name\": \"x\", \"traits\": [\"real-tim\"]}").toString());
        assertThat(typo.exitCode).isEqualTo(ExitCodes.INVALID_FACTS);
        assertThat(typo.err).contains("did you mean 'real-time'?");
        CommandRun size = CommandRun.of("decide", facts("{\"name\": \"x\", \"systemSize\": \"gigantic\"}").toString());
        assertThat(size.exitCode).isEqualTo(ExitCodes.INVALID_FACTS);
        assertThat(size.err).contains("gigantic");
    }

    @Test
    void whenTheSameProjectUsesAliases_thenItHasTheInputHashOfTheUnderstoodFacts() throws Exception {
        Path aliased = facts("{\"name\": \"A\", \"traits\": [\"Real time\"], \"needs\": [\"ML\"], \"team\": {\"skills\": [\"node.js\"]}}");
        Path plain = temp.resolve("plain.json");
        Files.writeString(plain, "{\"name\": \"A\", \"traits\": [\"real-time\"], \"needs\": [\"machine-learning\"],"
                + " \"team\": {\"skills\": [\"javascript\"]}}");
        JsonNode one = new ObjectMapper().readTree(CommandRun.of("decide", "--format", "json", aliased.toString()).out);
        JsonNode other = new ObjectMapper().readTree(CommandRun.of("decide", "--format", "json", plain.toString()).out);
        assertThat(one.path("input").path("sha256")).isEqualTo(other.path("input").path("sha256"));
        assertThat(one.path("verdict")).isEqualTo(other.path("verdict"));
    }
}
