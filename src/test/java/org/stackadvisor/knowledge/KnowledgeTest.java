package org.stackadvisor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stackadvisor.Claim;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;

/**
 * The knowledge base weighs the article as it speaks: one claim one vote, every weight in the
 * manifest with its reason, tensions shown where the article pulls both ways, unweighed inputs
 * named, and the verdict's robustness reported. Through the public API, as an embedding
 * application sees it.
 */
class KnowledgeTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();
    private static final Path FACTS = Path.of("facts");

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(FACTS)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> whenEachExampleIsDecided_thenNoClaimRecommendsOneCandidateTwice() throws IOException {
        return examples().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            // given an example; when decided
            Decision decision = ADVISOR.decide(file);
            // then each claim appears in at most one recommendation per candidate
            Set<String> seen = new HashSet<>();
            for (Conclusion recommendation : decision.conclusions(Conclusion.RECOMMENDATION)) {
                for (String claim : recommendation.claims()) {
                    assertThat(seen.add(recommendation.candidate() + " " + claim))
                            .as("%s recommends %s twice under %s", file, recommendation.candidate(), claim).isTrue();
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> whenEachExampleIsDecided_thenEachScoreIsTheSumOfItsVotes() throws IOException {
        return examples().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Decision decision = ADVISOR.decide(file);
            decision.scores().forEach((candidate, score) -> assertThat(decision.conclusions(Conclusion.RECOMMENDATION).stream()
                    .filter(conclusion -> candidate.equals(conclusion.candidate())).mapToInt(Conclusion::points).sum())
                    .as("%s: the votes for %s", file, candidate).isEqualTo(score));
        }));
    }

    @Test
    void whenChatIsTheOnlyTrait_thenTheRealTimeSignalVotesOnceWithThreeClaimsBehindIt() {
        // given a project whose only fact is the trait chat (BACK-2, PF-T1 and UC-3 all read it)
        Project chat = Project.builder("chat only").traits("chat").build();
        // when
        Decision decision = ADVISOR.decide(chat);
        // then Node.js gets the real-time takeaway's weight once, and the vote lists every claim behind it
        assertThat(decision.scores()).containsEntry("nodejs", weightOf("PF-T1"));
        List<Conclusion> votes = decision.conclusions(Conclusion.RECOMMENDATION);
        assertThat(votes).hasSize(1);
        assertThat(votes.get(0).claims()).containsExactlyInAnyOrder("PF-T1", "BACK-2", "UC-3");
        assertThat(votes.get(0).rules()).hasSize(3);
    }

    @Test
    void whenMoreLibrariesOfOneEcosystemAreListed_thenTheScoreDoesNotGrow() {
        // given the same need with one and with three machine-learning libraries
        Project one = Project.builder("one library").needs("machine-learning").libraries("pytorch").build();
        Project three = Project.builder("three libraries").needs("machine-learning").libraries("pytorch", "tensorflow", "scikit-learn").build();
        // when / then the score is the same
        assertThat(ADVISOR.decide(three).scores()).isEqualTo(ADVISOR.decide(one).scores());
    }

    @Test
    void whenAJavascriptTeamAlsoWantsOneLanguage_thenLc1VotesOnce() {
        Project project = Project.builder("js").teamSkills("javascript").needs("one-language-stack").build();
        assertThat(ADVISOR.decide(project).scores()).containsEntry("nodejs", weightOf("LC-1"));
    }

    @Test
    void whenTheManifestIsRead_thenEveryWeighedClaimHasAWeightAndARationale() {
        List<Claim> weighed = ADVISOR.claims().stream().filter(claim -> claim.weight() != null).collect(Collectors.toList());
        assertThat(weighed).isNotEmpty().allSatisfy(claim -> {
            assertThat(claim.weight()).isBetween(1, 3);
            assertThat(claim.rationale()).isNotBlank();
        });
        assertThat(ADVISOR.claims()).filteredOn(claim -> claim.kinds().contains("signal") && !claim.id().equals("CON-1"))
                .allSatisfy(claim -> assertThat(claim.weight()).as(claim.id()).isNotNull());
    }

    @Test
    void whenTheRulesAreRead_thenNoRuleOrTableRowStatesAWeight() throws IOException {
        Pattern weighedEvidence = Pattern.compile("new\\s+Evidence\\s*\\([^,]+,\\s*-?\\d");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl") || f.toString().endsWith(".csv")).collect(Collectors.toList())) {
                String text = Files.readString(file);
                boolean weightColumn = file.toString().endsWith(".csv") && text.lines().anyMatch(line -> line.startsWith("Rule,")
                        && List.of(line.split(",")).contains("Weight"));
                if (weighedEvidence.matcher(text).find() || weightColumn) {
                    offenders.add(file.toString());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void whenTheManifestNamesItsClaimCatalogue_thenTheReferenceIsTrue() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(Path.of("rules", "manifest.json").toFile());
        String catalogue = manifest.path("source").path("claimCatalogue").asText();
        String file = catalogue.contains("#") ? catalogue.substring(0, catalogue.indexOf('#')) : catalogue;
        assertThat(Path.of("rules", file)).exists();
        if (catalogue.contains("#/")) {
            assertThat(manifest.at(catalogue.substring(catalogue.indexOf('#') + 1)).isArray()).isTrue();
        }
    }

    @Test
    void whenANewcomerTeamKnowsJavascript_thenTheDecisionNamesTheTensionAndSaysEither() {
        Project project = Project.builder("js newcomers").teamSkills("javascript").teamExperience("new").build();
        Decision decision = ADVISOR.decide(project);
        assertThat(decision.verdict()).isEqualTo(Decision.EITHER);
        assertThat(decision.tensions()).anySatisfy(tension -> assertThat(tension.claims()).contains("LC-1", "LC-2"));
        assertThat(decision.conclusions(Conclusion.VERDICT).get(0).text()).contains("pulls both ways").contains("LC-1");
    }

    @Test
    void whenRealTimeMeetsHighLoad_thenTheTensionGivesTheArticlesWayOut() {
        Project project = Project.builder("game").traits("real-time", "high-load").build();
        Decision decision = ADVISOR.decide(project);
        assertThat(decision.verdict()).isEqualTo("nodejs");
        assertThat(decision.tensions()).anySatisfy(tension -> {
            assertThat(tension.claims()).contains("PF-T1", "PF-T2");
            assertThat(tension.text()).contains("not real-time");
        });
    }

    @Test
    void whenATermWeighsNothing_thenItIsNamedWithTheReason() {
        Project project = Project.builder("python team").teamSkills("python").teamExperience("expert").build();
        Decision decision = ADVISOR.decide(project);
        assertThat(decision.notWeighed()).extracting(term -> term.field() + " " + term.term())
                .containsExactly("team.experience expert", "team.skills python");
        assertThat(decision.notWeighed().get(1).reason()).contains("says nothing about a team's Python skills");
    }

    @Test
    void whenAVerdictRestsOnOneStatement_thenRobustnessNamesTheWeightingsThatTurnIt() {
        // given a 3D viewer: one preferred-use statement (UC-5, weight 2) against the margin of 2
        Project project = Project.builder("viewer").traits("3d-rendering").build();
        Decision.Robustness robustness = ADVISOR.decide(project).robustness();
        assertThat(robustness.holds()).isFalse();
        assertThat(robustness.changes()).extracting(Decision.Robustness.Change::weighting)
                .contains("all weights equal", "UC-5 weighed 1 instead of 2");
        assertThat(robustness.summary()).startsWith("changes under");
    }

    @Test
    void whenAVerdictRestsOnManyClaims_thenItHoldsUnderEveryWeighting() {
        Decision.Robustness robustness = ADVISOR.decide(FACTS.resolve("live-chat.json")).robustness();
        assertThat(robustness.holds()).isTrue();
        assertThat(robustness.summary()).isEqualTo("holds under all " + robustness.weightings() + " weightings");
        assertThat(robustness.weightings()).isEqualTo(2 + 2 * (int) ADVISOR.claims().stream().filter(claim -> claim.weight() != null).count());
    }

    @Test
    void whenDecidedAsJson_thenTensionsUnweighedAndRobustnessAreThere() throws IOException {
        JsonNode json = new ObjectMapper().readTree(ADVISOR.decide(FACTS.resolve("trading-alerts-both-ways.json")).toJson());
        assertThat(json.path("tensions").size()).isEqualTo(2);
        assertThat(json.path("notWeighed").isArray()).isTrue();
        assertThat(json.path("robustness").path("summary").asText()).startsWith("changes under");
        assertThat(json.path("conclusions").findValuesAsText("kind")).contains("tension");
    }

    private static int weightOf(String claim) {
        return ADVISOR.claims().stream().filter(each -> each.id().equals(claim)).findFirst().orElseThrow().weight();
    }
}
