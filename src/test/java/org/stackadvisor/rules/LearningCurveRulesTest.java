package org.stackadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackadvisor.rules.RuleTestSupport.caveat;
import static org.stackadvisor.rules.RuleTestSupport.decide;
import static org.stackadvisor.rules.RuleTestSupport.derivedFactsOf;
import static org.stackadvisor.rules.RuleTestSupport.evidence;
import static org.stackadvisor.rules.RuleTestSupport.firedRulesOf;
import static org.stackadvisor.rules.RuleTestSupport.notWeighedOf;
import static org.stackadvisor.rules.RuleTestSupport.points;
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
 * The rules of {@code learning-curve.drl}, each against its sentence: LC-1 ("not a challenge to those
 * who are adept at JavaScript ... the same language to build the frontend as well as the backend"),
 * LC-2 ("The new developers find it hard ... in comparison to synchronous Python"), LC-3 ("the easiest
 * backend language to learn, as far as earlier phases are concerned"), LC-T1 ("If your team is familiar
 * with asynchronous code then it might be easier to go with Node.js. You'd still need to hire backend
 * experts for complex problems") and LC-T2 ("introductory Python ... the difficulty increases with the
 * complexity of the problems").
 */
class LearningCurveRulesTest {
    private static final String FILE = "learning-curve.drl";

    private static final String JAVASCRIPT_TEAM = "A JavaScript team finds Node.js easy";
    private static final String ONE_LANGUAGE = "One language across front end and back end favours Node.js";
    private static final String NEWCOMERS_ASYNC = "Newcomers find Node.js's asynchrony harder than synchronous Python";
    private static final String NEWCOMERS_PYTHON = "Newcomers learn Python most easily";
    private static final String ASYNC_TEAM = "A team at home with async code finds Node.js easier";
    private static final String EXPERTS_CAVEAT = "Complex problems still need back-end experts on an async team";
    private static final String EASY_START_FADES = "Python's easy start fades as problems grow complex";

    private static final String LC1_TEXT = "JavaScript developers find Node.js easy, and one language can serve front end and back end";
    private static final String NEWCOMERS_ASYNC_TEXT =
            "New developers find Node.js's built-in asynchrony harder to grasp than synchronous Python";
    private static final String NEWCOMERS_PYTHON_TEXT =
            "Python, concise and well documented, is the easiest back-end language to start with";
    private static final String ASYNC_TEAM_TEXT = "The team is at ease with asynchronous code, which makes Node.js the easier road";
    private static final String EXPERTS_CAVEAT_TEXT =
            "Even an async-savvy team needs back-end experts for complex problems; the facts do not show any";
    private static final String EASY_START_FADES_TEXT =
            "Python is the easiest language to start with, but it gets harder as the problem grows complex";

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file; then
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(JAVASCRIPT_TEAM, ONE_LANGUAGE, NEWCOMERS_ASYNC,
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
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "LC-1", LC1_TEXT));
        assertThat(decision.scores()).containsEntry("nodejs", weight("LC-1"));
    }

    @Test
    void whenNeedIsOneLanguageStack_thenNodejsEvidence() {
        // given the wish for one language across the stack
        Project project = Project.builder("one language").needs("one-language-stack").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(ONE_LANGUAGE);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "LC-1", LC1_TEXT));
        assertThat(decision.scores()).containsEntry("nodejs", weight("LC-1"));
    }

    @Test
    void whenJavascriptTeamWantsOneLanguageStack_thenLc1VotesOnce() {
        // given both readings of LC-1
        Project project = Project.builder("full-stack js").teamSkills("javascript").needs("one-language-stack").build();
        // when
        Decision decision = decide(project);
        // then both rules fire, but they support one piece of LC-1 evidence: one vote, LC-1's weight once
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(JAVASCRIPT_TEAM, ONE_LANGUAGE);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "LC-1", LC1_TEXT));
        assertThat(votesOf(decision)).containsExactly(vote("nodejs", "LC-1"));
        assertThat(decision.conclusions("recommendation")).singleElement()
                .satisfies(shown -> assertThat(shown.rules()).containsExactlyInAnyOrder(JAVASCRIPT_TEAM, ONE_LANGUAGE));
        assertThat(decision.scores()).containsEntry("nodejs", weight("LC-1"));
    }

    @Test
    void whenTeamSkillsArePythonOnly_thenNoLearningCurveRuleFires() {
        // given a Python team (near miss for the JavaScript and async rules)
        Project project = Project.builder("python team").teamSkills("python").build();
        // when
        Decision decision = decide(project);
        // then nothing fires and the skill is named as not weighed
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
        assertThat(notWeighedOf(decision)).containsExactly("team.skills python");
    }

    // --- LC-2, LC-3 --------------------------------------------------------------------------

    @Test
    void whenTeamIsNew_thenBothNewcomerEvidencesForPython() {
        // given a team of new developers
        Project project = Project.builder("newcomers").teamExperience("new").build();
        // when
        Decision decision = decide(project);
        // then LC-2 and LC-3 each vote for Python
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(NEWCOMERS_ASYNC, NEWCOMERS_PYTHON);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("python", "LC-2", NEWCOMERS_ASYNC_TEXT), evidence("python", "LC-3", NEWCOMERS_PYTHON_TEXT));
        assertThat(votesOf(decision)).containsExactlyInAnyOrder(vote("python", "LC-2"), vote("python", "LC-3"));
        assertThat(decision.scores()).containsEntry("python", points("LC-2", "LC-3"));
    }

    @Test
    void whenTeamIsNewAndAsync_thenLc2StillHoldsAndTheTensionSaysTheArticleGivesNoWayOut() {
        // given new developers who are at home with async code: the article states LC-2 without an async condition
        Project project = Project.builder("async newcomers").teamExperience("new").teamSkills("async").build();
        // when
        Decision decision = decide(project);
        // then LC-2, LC-3 and LC-T1 all count, and the decision shows the tension, which the article does not settle
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(NEWCOMERS_ASYNC, NEWCOMERS_PYTHON, ASYNC_TEAM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("python", "LC-2", NEWCOMERS_ASYNC_TEXT), evidence("python", "LC-3", NEWCOMERS_PYTHON_TEXT),
                evidence("nodejs", "LC-T1", ASYNC_TEAM_TEXT));
        assertThat(decision.scores()).containsEntry("nodejs", points("LC-T1")).containsEntry("python", points("LC-2", "LC-3"));
        assertThat(tensionClaimsOf(decision)).containsExactly(List.of("LC-2", "LC-3", "LC-T1"));
        assertThat(decision.tensions()).singleElement()
                .satisfies(shown -> assertThat(shown.text()).contains("it gives no way out here"));
    }

    @Test
    void whenNewcomerTeamKnowsJavascript_thenTheDecisionShowsTheTension() {
        // given a newcomer team that writes JavaScript: LC-1 against LC-2 and LC-3
        Project project = Project.builder("js newcomers").teamExperience("new").teamSkills("javascript").build();
        // when
        Decision decision = decide(project);
        // then every claim votes, and a tension names both sides
        assertThat(votesOf(decision)).containsExactlyInAnyOrder(vote("nodejs", "LC-1"), vote("python", "LC-2"), vote("python", "LC-3"));
        assertThat(tensionClaimsOf(decision)).containsExactly(List.of("LC-1", "LC-2", "LC-3"));
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
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "LC-T1", ASYNC_TEAM_TEXT));
        assertThat(decision.scores()).containsEntry("nodejs", weight("LC-T1"));
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
                evidence("nodejs", "LC-T1", ASYNC_TEAM_TEXT), caveat(EXPERTS_CAVEAT_TEXT), caveat(EASY_START_FADES_TEXT));
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
                evidence("nodejs", "LC-T1", ASYNC_TEAM_TEXT), caveat(EXPERTS_CAVEAT_TEXT), caveat(EASY_START_FADES_TEXT));
    }

    @Test
    void whenAsyncTeamHasBackendExperts_thenNoExpertsCaveatAndTheExpertsAreNotWeighed() {
        // given an async team with back-end experts and a complex problem (near miss)
        Project project = Project.builder("hard async, experts").teamSkills("async").traits("complex-problem")
                .teamBackendExperts(true).build();
        // when
        Decision decision = decide(project);
        // then the experts caveat is suppressed, and having experts moves no score
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(ASYNC_TEAM, EASY_START_FADES);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("nodejs", "LC-T1", ASYNC_TEAM_TEXT), caveat(EASY_START_FADES_TEXT));
        assertThat(notWeighedOf(decision)).containsExactly("team.backendExperts true");
    }

    @Test
    void whenAsyncTeamWithoutComplexProblem_thenNoExpertsCaveat() {
        // given an async team and a problem that is not complex (near miss)
        Project project = Project.builder("easy async").teamSkills("async").traits("io-bound").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(ASYNC_TEAM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "LC-T1", ASYNC_TEAM_TEXT));
    }

    // --- LC-T2 -------------------------------------------------------------------------------

    @Test
    void whenProblemIsComplexWithoutAsyncTeam_thenOnlyEasyStartCaveat() {
        // given a complex problem, no async team (near miss for the experts caveat)
        Project project = Project.builder("hard problem").traits("complex-problem").build();
        // when
        Decision decision = decide(project);
        // then the caveat speaks of Python's easy start, not of "either language"
        assertThat(firedRulesOf(decision, FILE)).containsExactly(EASY_START_FADES);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(caveat(EASY_START_FADES_TEXT));
        assertThat(decision.conclusions("caveat")).extracting(shown -> shown.text()).contains(EASY_START_FADES_TEXT);
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
