package org.stackadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackadvisor.rules.RuleTestSupport.caveat;
import static org.stackadvisor.rules.RuleTestSupport.decide;
import static org.stackadvisor.rules.RuleTestSupport.derivedFactsOf;
import static org.stackadvisor.rules.RuleTestSupport.evidence;
import static org.stackadvisor.rules.RuleTestSupport.firedRulesOf;
import static org.stackadvisor.rules.RuleTestSupport.notWeighedOf;
import static org.stackadvisor.rules.RuleTestSupport.rulesOf;
import static org.stackadvisor.rules.RuleTestSupport.tensionClaimsOf;
import static org.stackadvisor.rules.RuleTestSupport.vote;
import static org.stackadvisor.rules.RuleTestSupport.votesOf;
import static org.stackadvisor.rules.RuleTestSupport.weight;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;

/**
 * The rules of {@code scalability.drl}, each against its sentence: SC-1 ("efficient scaling ... great
 * for smaller applications but not so much for the bigger systems"), SC-2 ("New developers or even
 * intermediate ones will find it difficult to scale"), SC-3 ("tools that allow data migrations and data
 * streaming ... how well it scales in code complexity") and SC-T ("a difficult call"). Every claim
 * speaks of scaling, so a rule asks that scaling be in question where its sentence names no size.
 */
class ScalabilityRulesTest {
    private static final String FILE = "scalability.drl";

    private static final String SMALL = "A small application that must scale does so efficiently on Node.js";
    private static final String LARGE = "A large system loses Node.js's scaling edge";
    private static final String NOT_EXPERT = "A team not yet expert finds Node.js hard to scale";
    private static final String DATA_TOOLS = "Data migration or data streaming needs favour Python's tools";
    private static final String COMPLEX = "A complex problem favours Python, which scales well in code complexity";
    private static final String CLOSE_CALL = "Scalability is a close call between the two";

    private static final String SMALL_TEXT = "Node.js's event-driven, non-blocking I/O scales small applications efficiently";
    private static final String LARGE_CAVEAT_TEXT =
            "The article credits Node.js with efficient scaling for smaller applications, not so much for bigger systems like this one";
    private static final String NOT_EXPERT_TEXT = "New and intermediate developers struggle to scale Node.js, and this system must scale";
    private static final String SC3_TEXT = "Python has tools for data migrations and data streaming, and scales well in code complexity";
    private static final String CLOSE_CALL_TEXT =
            "On scalability neither stack clearly wins: Node.js scales through its architecture, Python through its tools";

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file; then
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(SMALL, LARGE, NOT_EXPERT, DATA_TOOLS, COMPLEX, CLOSE_CALL);
    }

    // --- SC-1 --------------------------------------------------------------------------------

    @Test
    void whenSmallSystemMustScale_thenNodejsScalingEvidence() {
        // given a small system under high load: scaling is in question
        Project project = Project.builder("small, busy").systemSize("small").traits("high-load").build();
        // when
        Decision decision = decide(project);
        // then SC-1 evidence and the close-call caveat
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(SMALL, CLOSE_CALL);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("nodejs", "SC-1", SMALL_TEXT), caveat(CLOSE_CALL_TEXT));
        assertThat(decision.scores()).containsEntry("nodejs", weight("SC-1"));
    }

    @Test
    void whenSmallSystemMustScale_thenTheDecisionShowsSc1AgainstPfT2() {
        // given a small system under high load: SC-1 for Node.js, PF-T2 for Python
        Project project = Project.builder("small, busy").systemSize("small").traits("high-load").build();
        // when
        Decision decision = decide(project);
        // then both vote, and the tension names them
        assertThat(votesOf(decision)).containsExactlyInAnyOrder(vote("nodejs", "SC-1"), vote("python", "PF-T2"));
        assertThat(tensionClaimsOf(decision)).containsExactly(List.of("PF-T2", "SC-1"));
    }

    @Test
    void whenSmallSystemAndScalingNotInQuestion_thenNoSc1() {
        // given a small system and nothing that puts scaling in question (near miss)
        Project project = Project.builder("small").systemSize("small").build();
        // when
        Decision decision = decide(project);
        // then no Node.js points for being small, and the size is named as not weighed
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
        assertThat(decision.scores()).containsEntry("nodejs", 0);
        assertThat(notWeighedOf(decision)).containsExactly("systemSize small");
    }

    @Test
    void whenHighLoadAndSystemSizeAbsent_thenNoSc1() {
        // given scaling in question but no size: absent means unknown, not small (near miss)
        Project project = Project.builder("busy, size unknown").traits("high-load").build();
        // when
        Decision decision = decide(project);
        // then only the close-call caveat
        assertThat(firedRulesOf(decision, FILE)).containsExactly(CLOSE_CALL);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(caveat(CLOSE_CALL_TEXT));
    }

    @Test
    void whenSystemIsLarge_thenCaveatAgainstNodejsScalingAndCloseCall() {
        // given a large system
        Project project = Project.builder("large").systemSize("large").build();
        // when
        Decision decision = decide(project);
        // then the other half of SC-1 is a caveat, not a vote for Python, beside the SC-T caveat
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(LARGE, CLOSE_CALL);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(caveat(LARGE_CAVEAT_TEXT), caveat(CLOSE_CALL_TEXT));
        assertThat(decision.scores()).containsEntry("nodejs", 0).containsEntry("python", 0);
    }

    @Test
    void whenSystemIsMedium_thenNeitherSmallNorLargeRule() {
        // given a medium system (near miss for both SC-1 rules)
        Project project = Project.builder("medium").systemSize("medium").build();
        // when
        Decision decision = decide(project);
        // then only the close-call caveat
        assertThat(firedRulesOf(decision, FILE)).containsExactly(CLOSE_CALL);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(caveat(CLOSE_CALL_TEXT));
    }

    @Test
    void whenSystemSizeIsAbsent_thenNoSizeRuleFires() {
        // given no system size: absent means unknown
        Project project = Project.builder("size unknown").traits("fast-runtime").dataVolume("huge").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    // --- SC-2 --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"new", "intermediate"})
    void whenTeamNotYetExpertAndSystemIsMedium_thenPythonEvidence(String experience) {
        // given a new or intermediate team and a medium system
        Project project = Project.builder("must scale").teamExperience(experience).systemSize("medium").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(NOT_EXPERT, CLOSE_CALL);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("python", "SC-2", NOT_EXPERT_TEXT), caveat(CLOSE_CALL_TEXT));
    }

    @Test
    void whenTeamNotYetExpertAndHighLoad_thenPythonEvidence() {
        // given an intermediate team under high load, no system size
        Project project = Project.builder("high load").teamExperience("intermediate").traits("high-load").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(NOT_EXPERT, CLOSE_CALL);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("python", "SC-2", NOT_EXPERT_TEXT), caveat(CLOSE_CALL_TEXT));
    }

    @Test
    void whenExpertTeamMustScale_thenNoNotExpertEvidence() {
        // given an expert team on a medium system (near miss)
        Project project = Project.builder("experts").teamExperience("expert").systemSize("medium").build();
        // when
        Decision decision = decide(project);
        // then only the close-call caveat; the experience is named as not weighed
        assertThat(firedRulesOf(decision, FILE)).containsExactly(CLOSE_CALL);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(caveat(CLOSE_CALL_TEXT));
        assertThat(notWeighedOf(decision)).containsExactly("team.experience expert");
    }

    @Test
    void whenNewTeamAndScalingNotInQuestion_thenNoNotExpertEvidence() {
        // given a new team on a small system (near miss: nothing says the system must scale)
        Project project = Project.builder("new team, small").teamExperience("new").systemSize("small").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    // --- SC-3 --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"data-migrations", "data-streaming"})
    void whenNeedIsDataMigrationsOrStreaming_thenPythonToolsEvidence(String need) {
        // given that need
        Project project = Project.builder("data tools").needs(need).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(DATA_TOOLS);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("python", "SC-3", SC3_TEXT));
        assertThat(decision.scores()).containsEntry("python", weight("SC-3"));
    }

    @Test
    void whenNeedsAreDataMigrationsAndStreaming_thenSc3VotesOnce() {
        // given both needs
        Project project = Project.builder("both data tools").needs("data-migrations", "data-streaming").build();
        // when
        Decision decision = decide(project);
        // then one claim, one vote
        assertThat(firedRulesOf(decision, FILE)).containsExactly(DATA_TOOLS);
        assertThat(votesOf(decision)).containsExactly(vote("python", "SC-3"));
        assertThat(decision.scores()).containsEntry("python", weight("SC-3"));
    }

    @Test
    void whenProblemIsComplex_thenPythonScalesInCodeComplexity() {
        // given a complex problem: SC-3's "how well it scales in code complexity"
        Project project = Project.builder("complex").traits("complex-problem").build();
        // when
        Decision decision = decide(project);
        // then SC-3 evidence from the complex-problem rule
        assertThat(firedRulesOf(decision, FILE)).containsExactly(COMPLEX);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("python", "SC-3", SC3_TEXT));
        assertThat(votesOf(decision)).containsExactly(vote("python", "SC-3"));
    }

    @Test
    void whenComplexProblemNeedsDataMigrations_thenSc3VotesOnce() {
        // given both readings of SC-3
        Project project = Project.builder("complex migration").traits("complex-problem").needs("data-migrations").build();
        // when
        Decision decision = decide(project);
        // then both rules support one vote
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(DATA_TOOLS, COMPLEX);
        assertThat(votesOf(decision)).containsExactly(vote("python", "SC-3"));
        assertThat(decision.conclusions("recommendation")).singleElement()
                .satisfies(shown -> assertThat(shown.rules()).containsExactlyInAnyOrder(DATA_TOOLS, COMPLEX));
        assertThat(decision.scores()).containsEntry("python", weight("SC-3"));
    }

    @Test
    void whenStreamingTraitButNoDataStreamingNeed_thenNoToolsEvidence() {
        // given the streaming trait, which is not the data-streaming need (near miss)
        Project project = Project.builder("video").traits("streaming").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    // --- SC-T --------------------------------------------------------------------------------

    @Test
    void whenHighLoad_thenCloseCallCaveat() {
        // given a high load, no team experience, no system size
        Project project = Project.builder("busy").traits("high-load").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(CLOSE_CALL);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(caveat(CLOSE_CALL_TEXT));
    }
}
