package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.Decision;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.authoring.Scenario;

class WhatIfCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    @TempDir
    Path folder;

    @TestFactory
    Stream<DynamicTest> whenEachEntryOfEachExampleIsDecidedAgain_thenItGetsTheVerdictWhatIfClaimed() {
        return Scenario.discover(Path.of("facts")).stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            // given the what-if of an example, as the command prints it
            CommandRun run = CommandRun.of("whatif", "--format", "json", scenario.factsFile().toString());
            assertThat(run.exitCode).as(run.toString()).isZero();
            JsonNode whatIf = JSON.readTree(run.out);
            Decision original = ADVISOR.decide(scenario.factsFile());
            assertThat(whatIf.get("verdict").asText()).isEqualTo(original.verdict());
            assertThat(whatIf.get("search").get("cutShort").asBoolean()).isFalse();
            int number = 0;
            for (JsonNode entry : whatIf.get("entries")) {
                // when its complete changed facts are written to a file and decided
                Path file = folder.resolve(scenario.name() + "-" + number++ + ".json");
                Files.writeString(file, JSON.writeValueAsString(entry.get("facts")));
                Decision decision = ADVISOR.decide(file);

                // then the verdict and scores are the ones claimed, and differ from the original verdict
                assertThat(decision.verdict()).as(entry.get("changes").toString()).isEqualTo(entry.get("verdict").asText())
                        .isNotEqualTo(original.verdict());
                decision.scores().forEach((candidate, score) ->
                        assertThat(entry.get("scores").get(candidate).asInt()).as(candidate).isEqualTo(score));
                assertThat(decision.project()).isEqualTo(original.project());
                assertThat(entry.get("changes").size()).isBetween(1, 2);
            }
        }));
    }

    @Test
    void whenTheNewcomerPortalIsAsked_thenTheTextListsTheChangesWithVerdictsAndRules() {
        CommandRun run = CommandRun.of("whatif", "facts/newcomer-team-portal.json");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("Student club portal built by newcomers",
                "Verdict: python (nodejs 0, python 3)",
                "Single changes that alter the verdict (14 of 54 tried):",
                "    11. add 'async' to team.skills\n       -> either (nodejs 2, python 3)\n",
                "starts firing: \"A team at home with async code finds Node.js easier\" [LC-T1]",
                "    12. change team.experience from 'new' to 'intermediate'\n       -> either (nodejs 0, python 1)\n",
                "stops firing:  \"Newcomers find Node.js's asynchrony harder than synchronous Python\" [LC-2]");
        assertThat(run.err).isEmpty();
    }

    @Test
    void whenNoChangeAltersTheVerdict_thenTheTextSaysHowFarTheSearchWent() throws Exception {
        // fraud detection by newcomers on a complex problem: python 15 to 0, beyond the reach of any pair (see WhatIfTest);
        // the bundled ml-fraud-detection example (11 to 0) is turned 'either' by a small system with real-time work
        Path fraud = folder.resolve("fraud-by-newcomers.json");
        Files.writeString(fraud, "{ \"name\": \"Card fraud detection by newcomers\", \"domain\": \"banking\", \"systemSize\": \"large\","
                + " \"dataVolume\": \"huge\", \"traits\": [\"data-intensive\", \"needs-stability\", \"high-load\", \"complex-problem\"],"
                + " \"needs\": [\"machine-learning\", \"data-analysis\"], \"libraries\": [\"scikit-learn\", \"pandas\", \"numpy\"],"
                + " \"team\": { \"skills\": [\"python\"], \"experience\": \"new\", \"backendExperts\": true } }");
        CommandRun run = CommandRun.of("whatif", fraud.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).containsPattern("No single change alters the verdict \\(\\d+ tried\\), nor does any pair of changes \\(\\d+ tried\\)\\.");
    }

    @Test
    void whenPairsAreLimited_thenTheOutputSaysTheSearchWasCutShort() throws Exception {
        CommandRun run = CommandRun.of("whatif", "--format", "json", "--pair-limit", "5", "facts/ml-fraud-detection.json");
        assertThat(run.exitCode).as(run.toString()).isZero();
        JsonNode search = JSON.readTree(run.out).get("search");
        assertThat(search.get("pairsTried").asInt()).isEqualTo(5);
        assertThat(search.get("pairLimit").asInt()).isEqualTo(5);
        assertThat(search.get("cutShort").asBoolean()).isTrue();
        assertThat(CommandRun.of("whatif", "--pair-limit", "5", "facts/ml-fraud-detection.json").out)
                .contains("cut short at the limit of 5 pairs");
    }

    @Test
    void whenThePairLimitIsZero_thenTheTextSaysPairsWereNotTried() {
        CommandRun run = CommandRun.of("whatif", "--pair-limit", "0", "facts/ml-fraud-detection.json");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).containsPattern("No single change alters the verdict \\(\\d+ tried\\); pairs of changes were not tried"
                + " \\(--pair-limit 0\\)\\.").doesNotContain("nor does any pair", "0 tried)");
    }

    @Test
    void whenJsonIsAskedFor_thenEachChangeIsStructuredAndEachEntryCarriesValidFacts() throws Exception {
        CommandRun run = CommandRun.of("whatif", "--format", "json", "facts/newcomer-team-portal.json");
        JsonNode whatIf = JSON.readTree(run.out);
        assertThat(whatIf.get("project").asText()).isEqualTo("Student club portal built by newcomers");
        assertThat(whatIf.get("input").get("sha256").asText()).hasSize(64);
        JsonNode clear = whatIf.get("entries").get(13);
        JsonNode change = clear.get("changes").get(0);
        assertThat(change.get("field").asText()).isEqualTo("team.experience");
        assertThat(change.get("op").asText()).isEqualTo("clear");
        assertThat(change.has("value")).isFalse();
        assertThat(change.get("previous").asText()).isEqualTo("new");
        assertThat(clear.get("facts").get("team").has("experience")).isFalse();
        assertThat(clear.get("facts").get("name").asText()).isEqualTo("Student club portal built by newcomers");
        assertThat(clear.get("rulesStopped").get(0).get("claims").isArray()).isTrue();
        JsonNode add = whatIf.get("entries").get(0).get("changes").get(0);
        assertThat(add.get("op").asText()).isEqualTo("add");
        assertThat(add.get("value").asText()).isEqualTo("real-time");
    }

    @Test
    void whenTheFactsAreInvalid_thenExit3() throws Exception {
        Path file = folder.resolve("typo.json");
        Files.writeString(file, "{\"name\": \"x\", \"traits\": [\"real-tim\"]}");
        CommandRun run = CommandRun.of("whatif", file.toString());
        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).contains("did you mean 'real-time'?").doesNotContain("\tat ");
    }

    @Test
    void whenThePairLimitIsNegative_thenExit2() {
        CommandRun run = CommandRun.of("whatif", "--pair-limit", "-1", "facts/live-chat.json");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--pair-limit must be 0 or more");
    }
}
