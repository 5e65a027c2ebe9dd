package org.stackadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackadvisor.rules.RuleTestSupport.caveat;
import static org.stackadvisor.rules.RuleTestSupport.decide;
import static org.stackadvisor.rules.RuleTestSupport.derivedFactsOf;
import static org.stackadvisor.rules.RuleTestSupport.evidence;
import static org.stackadvisor.rules.RuleTestSupport.firedRulesOf;
import static org.stackadvisor.rules.RuleTestSupport.rulesOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;

/** The rules of {@code scalability.drl}. */
class ScalabilityRulesTest {
    private static final String FILE = "scalability.drl";

    private static final String SMALL = "A small application scales efficiently on Node.js";
    private static final String LARGE = "A large system loses Node.js's scaling edge";
    private static final String NOT_EXPERT = "A team not yet expert finds Node.js hard to scale";
    private static final String DATA_TOOLS = "Data migration or data streaming needs favour Python's tools";
    private static final String CLOSE_CALL = "Scalability is a close call between the two";

    private static final String SMALL_TEXT = "Node.js's event-driven, non-blocking I/O scales efficiently for small applications";
    private static final String LARGE_TEXT = "Node.js's efficient scaling is said to suit small applications more than big systems";
    private static final String LARGE_CAVEAT_TEXT =
            "The article credits Node.js with efficient scaling yet doubts it for bigger systems: both readings apply here";
    private static final String NOT_EXPERT_TEXT = "New and intermediate developers struggle to scale Node.js, and this system must scale";
    private static final String CLOSE_CALL_TEXT =
            "On scalability neither stack clearly wins: Node.js scales through its architecture, Python through its tools";

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file; then
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(SMALL, LARGE, NOT_EXPERT, DATA_TOOLS, CLOSE_CALL);
    }

    // --- SC-1 --------------------------------------------------------------------------------

    @Test
    void whenSystemIsSmall_thenNodejsScalingEvidence() {
        // given a small system
        Project project = Project.builder("small").systemSize("small").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(SMALL);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 2, SMALL_TEXT));
    }

    @Test
    void whenSystemIsLarge_thenPythonEvidenceAndBothCaveats() {
        // given a large system
        Project project = Project.builder("large").systemSize("large").build();
        // when
        Decision decision = decide(project);
        // then the SC-1 large rule (evidence and caveat) and the SC-T caveat, as large means must-scale
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(LARGE, CLOSE_CALL);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("python", 2, LARGE_TEXT), caveat(LARGE_CAVEAT_TEXT), caveat(CLOSE_CALL_TEXT));
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
                evidence("python", 2, NOT_EXPERT_TEXT), caveat(CLOSE_CALL_TEXT));
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
                evidence("python", 2, NOT_EXPERT_TEXT), caveat(CLOSE_CALL_TEXT));
    }

    @Test
    void whenExpertTeamMustScale_thenNoNotExpertEvidence() {
        // given an expert team on a medium system (near miss)
        Project project = Project.builder("experts").teamExperience("expert").systemSize("medium").build();
        // when
        Decision decision = decide(project);
        // then only the close-call caveat
        assertThat(firedRulesOf(decision, FILE)).containsExactly(CLOSE_CALL);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(caveat(CLOSE_CALL_TEXT));
    }

    @Test
    void whenNewTeamAndSystemSizeAbsent_thenNoNotExpertEvidence() {
        // given a new team, no system size and no high load: nothing says the system must scale
        Project project = Project.builder("new team, size unknown").teamExperience("new").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    @Test
    void whenNewTeamOnSmallSystem_thenOnlySmallScalingEvidence() {
        // given a new team on a small system (near miss for SC-2)
        Project project = Project.builder("new team, small").teamExperience("new").systemSize("small").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(SMALL);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 2, SMALL_TEXT));
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
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(
                evidence("python", 2, "Python brings tools for " + need + " and scales well in code complexity"));
    }

    @Test
    void whenNeedsAreDataMigrationsAndStreaming_thenEachCounts() {
        // given both needs
        Project project = Project.builder("both data tools").needs("data-migrations", "data-streaming").build();
        // when
        Decision decision = decide(project);
        // then two distinct pieces of evidence
        assertThat(firedRulesOf(decision, FILE)).containsExactly(DATA_TOOLS);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("python", 2, "Python brings tools for data-migrations and scales well in code complexity"),
                evidence("python", 2, "Python brings tools for data-streaming and scales well in code complexity"));
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
