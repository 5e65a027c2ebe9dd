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

/** The rules of {@code learning-curve.drl}. */
class LearningCurveRulesTest {
    private static final String FILE = "learning-curve.drl";

    private static final String JAVASCRIPT_TEAM = "A JavaScript team finds Node.js easy";
    private static final String ONE_LANGUAGE = "One language across front end and back end favours Node.js";
    private static final String NEWCOMERS_NO_ASYNC = "Newcomers without async experience find Node.js harder than Python";
    private static final String NEWCOMERS_PYTHON = "Newcomers learn Python most easily";
    private static final String ASYNC_TEAM = "A team at home with async code finds Node.js easier";
    private static final String EXPERTS_CAVEAT = "Complex problems still need back-end experts on an async team";
    private static final String EASY_START_FADES = "Python's easy start fades as problems grow complex";

    private static final String JAVASCRIPT_TEAM_TEXT = "The team already writes JavaScript, so Node.js comes easily";
    private static final String ONE_LANGUAGE_TEXT = "Node.js lets one language, JavaScript, serve both front end and back end";
    private static final String NEWCOMERS_NO_ASYNC_TEXT =
            "A team new to back ends and to async code will find synchronous Python easier than Node.js";
    private static final String NEWCOMERS_PYTHON_TEXT =
            "Python, concise and well documented, is the easiest back-end language to start with";
    private static final String ASYNC_TEAM_TEXT = "The team is at ease with asynchronous code, which makes Node.js the easier road";
    private static final String EXPERTS_CAVEAT_TEXT =
            "Even an async-savvy team needs back-end experts for complex problems; the facts do not show any";
    private static final String EASY_START_FADES_TEXT = "Python is easy to start with, but a complex problem makes either language hard";

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file; then
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(JAVASCRIPT_TEAM, ONE_LANGUAGE, NEWCOMERS_NO_ASYNC,
                NEWCOMERS_PYTHON, ASYNC_TEAM, EXPERTS_CAVEAT, EASY_START_FADES);
    }

    // --- LC-1 --------------------------------------------------------------------------------

    @Test
    void whenTeamWritesJavascript_thenNodejsEvidence() {
        // given a JavaScript team
        Project project = Project.builder("js team").teamSkills("javascript").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(JAVASCRIPT_TEAM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 2, JAVASCRIPT_TEAM_TEXT));
    }

    @Test
    void whenTeamSkillsArePythonOnly_thenNoLearningCurveRuleFires() {
        // given a Python team (near miss for the JavaScript and async rules)
        Project project = Project.builder("python team").teamSkills("python").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    @Test
    void whenNeedIsOneLanguageStack_thenNodejsEvidence() {
        // given the wish for one language across the stack
        Project project = Project.builder("one language").needs("one-language-stack").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(ONE_LANGUAGE);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 2, ONE_LANGUAGE_TEXT));
    }

    @Test
    void whenJavascriptTeamWantsOneLanguageStack_thenBothLc1EvidencesCount() {
        // given both LC-1 signals
        Project project = Project.builder("full-stack js").teamSkills("javascript").needs("one-language-stack").build();
        // when
        Decision decision = decide(project);
        // then two distinct pieces of evidence
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(JAVASCRIPT_TEAM, ONE_LANGUAGE);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("nodejs", 2, JAVASCRIPT_TEAM_TEXT), evidence("nodejs", 2, ONE_LANGUAGE_TEXT));
    }

    // --- LC-2, LC-3 --------------------------------------------------------------------------

    @Test
    void whenTeamIsNewWithoutAsync_thenBothNewcomerEvidencesForPython() {
        // given a team of new developers, not used to async code
        Project project = Project.builder("newcomers").teamExperience("new").build();
        // when
        Decision decision = decide(project);
        // then LC-2 and LC-3 both count for Python
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(NEWCOMERS_NO_ASYNC, NEWCOMERS_PYTHON);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("python", 3, NEWCOMERS_NO_ASYNC_TEXT), evidence("python", 1, NEWCOMERS_PYTHON_TEXT));
    }

    @Test
    void whenTeamIsNewButAsync_thenNoLc2Evidence() {
        // given new developers who are at home with async code (near miss for LC-2)
        Project project = Project.builder("async newcomers").teamExperience("new").teamSkills("async").build();
        // when
        Decision decision = decide(project);
        // then LC-3 and LC-T1 count, LC-2 does not
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(NEWCOMERS_PYTHON, ASYNC_TEAM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("python", 1, NEWCOMERS_PYTHON_TEXT), evidence("nodejs", 2, ASYNC_TEAM_TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"intermediate", "expert"})
    void whenTeamIsNotNew_thenNoNewcomerEvidence(String experience) {
        // given a team that is not new (near miss for LC-2 and LC-3)
        Project project = Project.builder("seasoned").teamExperience(experience).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    @Test
    void whenTeamExperienceAbsent_thenNoNewcomerEvidence() {
        // given no team experience (absent means unknown)
        Project project = Project.builder("team unknown").teamBackendExperts(false).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    // --- LC-T1 -------------------------------------------------------------------------------

    @Test
    void whenTeamIsAsync_thenNodejsEvidence() {
        // given an async team
        Project project = Project.builder("async team").teamSkills("async").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(ASYNC_TEAM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 2, ASYNC_TEAM_TEXT));
    }

    @Test
    void whenAsyncTeamFacesComplexProblemWithoutExperts_thenExpertsCaveat() {
        // given an async team, a complex problem, nothing said of back-end experts
        Project project = Project.builder("hard async").teamSkills("async").traits("complex-problem").build();
        // when
        Decision decision = decide(project);
        // then the evidence, the experts caveat and the LC-T2 caveat
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(ASYNC_TEAM, EXPERTS_CAVEAT, EASY_START_FADES);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("nodejs", 2, ASYNC_TEAM_TEXT), caveat(EXPERTS_CAVEAT_TEXT), caveat(EASY_START_FADES_TEXT));
    }

    @Test
    void whenAsyncTeamFacesComplexProblemAndBackendExpertsIsFalse_thenExpertsCaveat() {
        // given the team states it has no back-end experts
        Project project = Project.builder("hard async, no experts").teamSkills("async").traits("complex-problem")
                .teamBackendExperts(false).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(ASYNC_TEAM, EXPERTS_CAVEAT, EASY_START_FADES);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("nodejs", 2, ASYNC_TEAM_TEXT), caveat(EXPERTS_CAVEAT_TEXT), caveat(EASY_START_FADES_TEXT));
    }

    @Test
    void whenAsyncTeamHasBackendExperts_thenNoExpertsCaveat() {
        // given an async team with back-end experts and a complex problem (near miss)
        Project project = Project.builder("hard async, experts").teamSkills("async").traits("complex-problem")
                .teamBackendExperts(true).build();
        // when
        Decision decision = decide(project);
        // then the experts caveat is suppressed
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(ASYNC_TEAM, EASY_START_FADES);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("nodejs", 2, ASYNC_TEAM_TEXT), caveat(EASY_START_FADES_TEXT));
    }

    @Test
    void whenAsyncTeamWithoutComplexProblem_thenNoExpertsCaveat() {
        // given an async team and a problem that is not complex (near miss)
        Project project = Project.builder("easy async").teamSkills("async").traits("io-bound").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(ASYNC_TEAM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 2, ASYNC_TEAM_TEXT));
    }

    // --- LC-T2 -------------------------------------------------------------------------------

    @Test
    void whenProblemIsComplexWithoutAsyncTeam_thenOnlyEasyStartCaveat() {
        // given a complex problem, no async team (near miss for the experts caveat)
        Project project = Project.builder("hard problem").traits("complex-problem").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(EASY_START_FADES);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(caveat(EASY_START_FADES_TEXT));
    }

    @Test
    void whenProblemIsNotComplex_thenNoEasyStartCaveat() {
        // given heavy processing but no complex-problem trait (near miss)
        Project project = Project.builder("heavy but simple").traits("heavy-processing").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }
}
