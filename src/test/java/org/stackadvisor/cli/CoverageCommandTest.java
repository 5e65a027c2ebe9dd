package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;
import org.stackadvisor.authoring.Scenario;

/** {@code coverage}: claim -> rules -> scenarios, with totals and the uncovered claims. */
class CoverageCommandTest {
    @TempDir
    Path temp;

    @Test
    void whenCoverageIsJson_thenEverySignalAndCaveatClaimIsCoveredByARuleAndAScenario() throws Exception {
        // given the bundled rules and facts/; when
        CommandRun run = CommandRun.of("coverage", "--format", "json");
        // then
        assertThat(run.exitCode).as(run.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out);
        assertThat(report.path("uncovered").size()).isZero();
        assertThat(report.path("claims").size()).isEqualTo(33);
        for (JsonNode claim : report.path("claims")) {
            String kinds = claim.path("kinds").toString();
            if (kinds.contains("signal") || kinds.contains("caveat")) {
                assertThat(claim.path("status").asText()).as(claim.toString()).isEqualTo("covered");
                assertThat(claim.path("rules").size()).as(claim.toString()).isPositive();
                assertThat(claim.path("scenarios").size()).as(claim.toString()).isPositive();
            } else {
                assertThat(claim.path("status").asText()).as(claim.toString()).isEqualTo("context");
            }
        }
        assertThat(report.path("totals").path("covered").asInt()).isEqualTo(report.path("totals").path("signalOrCaveat").asInt());
        assertThat(report.path("totals").path("scenarios").asInt()).isEqualTo(Scenario.discover(Path.of("facts")).size());
        // each weighed claim shows its weight and the reason for it
        for (JsonNode claim : report.path("claims")) {
            if (claim.has("weight")) {
                assertThat(claim.path("weight").asInt()).as(claim.toString()).isBetween(1, 3);
                assertThat(claim.path("rationale").asText()).as(claim.toString()).isNotBlank();
            }
        }
        assertThat(report.path("claims")).anySatisfy(claim -> {
            assertThat(claim.path("id").asText()).isEqualTo("UC-3");
            assertThat(claim.path("weight").asInt()).isEqualTo(2);
            assertThat(claim.path("restates").asText()).isEqualTo("PF-T1");
        });
    }

    @Test
    void whenCoverageIsText_thenEachClaimListsItsRulesAndScenarios() {
        CommandRun run = CommandRun.of("coverage");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).containsPattern("UC-3 +covered +signal, weight 2 \\(votes with PF-T1\\): 'Node.js is the best option'")
                .contains("rule \"Pandas in the stack favours Python\" (bundled:library-ecosystems.csv:12) -> ")
                .contains("FLC-7  context", "Uncovered: none");
    }

    @Test
    void whenNoScenarioFiresAClaimsRules_thenItIsListedAsUncovered() {
        // given only the almost-empty example as scenarios
        RulesCopy facts = RulesCopy.of("facts", temp.resolve("facts"));
        CommandRun run = CommandRun.of("coverage", "--facts", facts.file("live-chat.json").toString());
        // then the claims the live chat does not touch are uncovered, as untested
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).containsPattern("UC-2 +untested").containsPattern("Uncovered: .*UC-2");
        assertThat(run.out).doesNotContainPattern("Uncovered: .*UC-3");
    }

    @Test
    void whenARuleIsRemoved_thenItsClaimIsUncited() {
        // given a copy of the rules without the only rule citing LC-T2
        RulesCopy rules = RulesCopy.of("rules", temp.resolve("rules"));
        rules.replace("learning-curve.drl", "@claims(\"LC-T2\")", "@claims(\"LC-3\")");
        CommandRun run = CommandRun.of("coverage", "--rules", rules.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).containsPattern("LC-T2 +uncited").containsPattern("Uncovered: .*LC-T2");
    }
}
