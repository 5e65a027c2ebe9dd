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
import static org.stackadvisor.rules.RuleTestSupport.tension;
import static org.stackadvisor.rules.RuleTestSupport.tensionClaimsOf;
import static org.stackadvisor.rules.RuleTestSupport.vote;
import static org.stackadvisor.rules.RuleTestSupport.votesOf;
import static org.stackadvisor.rules.RuleTestSupport.wayOut;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;

/**
 * The rules of {@code performance.drl}. PF-1: Node.js "is one of the fastest server-side
 * solutions"; PF-2: "Python is not that far behind"; PF-T1: "Choose Node.js if building a real-time
 * solution"; PF-T2: "In other cases where high-load is a concern, Python is recommended".
 */
class PerformanceRulesTest {
    private static final String FILE = "performance.drl";

    private static final String FAST_RUNTIME = "A need for a fast runtime favours Node.js";
    private static final String NOT_FAR_BEHIND = "Python is not far behind on speed";
    private static final String REAL_TIME = "Real-time work favours Node.js on performance";
    private static final String HIGH_LOAD = "High load without real-time needs favours Python";
    private static final String BOTH_WAYS = "High load on real-time work pulls both ways, and the article sends it to Node.js";

    private static final String FAST_RUNTIME_TEXT = "Node.js, with V8 and an asynchronous design, is among the fastest server-side platforms";
    private static final String NOT_FAR_BEHIND_TEXT =
            "Python trails Node.js only slightly on speed; recent releases made some workloads up to 50% faster";
    private static final String REAL_TIME_TEXT = "For a real-time solution the article's performance advice is Node.js";
    private static final String HIGH_LOAD_TEXT = "Under high load, and with no real-time need, the article recommends Python";

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file; then
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(FAST_RUNTIME, NOT_FAR_BEHIND, REAL_TIME, HIGH_LOAD, BOTH_WAYS);
    }

    // --- PF-1, PF-2 --------------------------------------------------------------------------

    @Test
    void whenFastRuntime_thenNodejsEvidenceAndPythonNotFarBehindCaveat() {
        // given a need for a fast runtime, size unknown
        Project project = Project.builder("fast").traits("fast-runtime").build();
        // when
        Decision decision = decide(project);
        // then PF-1 evidence and the PF-2 caveat; PF-1 votes on its own, for its own weight
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(FAST_RUNTIME, NOT_FAR_BEHIND);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("nodejs", "PF-1", FAST_RUNTIME_TEXT), caveat(NOT_FAR_BEHIND_TEXT));
        assertThat(votesOf(decision)).containsExactly(vote("nodejs", "PF-1"));
        assertThat(decision.scores()).containsEntry("nodejs", points("PF-1")).containsEntry("python", 0);
    }

    @Test
    void whenSmallSystemMustRunFast_thenPf1VotesOnceWithUcT1() {
        // given a small system with a fast runtime: PF-1 and the takeaway UC-T1 it restates
        Project project = Project.builder("small fast").systemSize("small").traits("fast-runtime").build();
        // when
        Decision decision = decide(project);
        // then one vote, worth the takeaway's weight, not PF-1's on top of it
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(FAST_RUNTIME, NOT_FAR_BEHIND);
        assertThat(votesOf(decision)).containsExactly(vote("nodejs", "UC-T1", "PF-1"));
        assertThat(decision.scores()).containsEntry("nodejs", points("UC-T1")).containsEntry("python", 0);
    }

    @Test
    void whenNoFastRuntime_thenNeitherPf1NorPf2() {
        // given I/O-bound work on a small system, without the fast-runtime trait (near miss)
        Project project = Project.builder("not fast").systemSize("small").traits("io-bound").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    // --- PF-T1 -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"real-time", "chat", "streaming"})
    void whenWorkIsRealTime_thenNodejsPerformanceEvidence(String trait) {
        // given real-time work without high load
        Project project = Project.builder("real-time").traits(trait).build();
        // when
        Decision decision = decide(project);
        // then PF-T1 evidence, and no tension
        assertThat(firedRulesOf(decision, FILE)).containsExactly(REAL_TIME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "PF-T1", REAL_TIME_TEXT));
        assertThat(decision.tensions()).isEmpty();
    }

    // --- PF-T2 -------------------------------------------------------------------------------

    @Test
    void whenHighLoadWithoutRealTime_thenPythonEvidence() {
        // given a high load and no real-time work
        Project project = Project.builder("reporting").traits("high-load").build();
        // when
        Decision decision = decide(project);
        // then PF-T2 votes for Python with its own weight
        assertThat(firedRulesOf(decision, FILE)).containsExactly(HIGH_LOAD);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("python", "PF-T2", HIGH_LOAD_TEXT));
        assertThat(votesOf(decision)).containsExactly(vote("python", "PF-T2"));
        assertThat(decision.scores()).containsEntry("python", points("PF-T2")).containsEntry("nodejs", 0);
    }

    @Test
    void whenMediumSystemWithoutHighLoadTrait_thenNoHighLoadRule() {
        // given a medium system (scaling in question) but no high-load trait (near miss for PF-T2 and the tension)
        Project project = Project.builder("medium").systemSize("medium").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    // --- PF-T1 against PF-T2 -----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"real-time", "chat", "streaming"})
    void whenHighLoadOnRealTimeWork_thenTensionWithTheArticlesWayOutAndNoPythonEvidence(String realTimeTrait) {
        // given a high load on real-time work: "in other cases" keeps PF-T2 out
        Project project = Project.builder("trading").traits("high-load", realTimeTrait).build();
        // when
        Decision decision = decide(project);
        // then PF-T1 evidence and the PF-T1/PF-T2 tension with the article's way out; no PF-T2 evidence
        String wayOut = wayOut("PF-T1", "PF-T2");
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(REAL_TIME, BOTH_WAYS);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("nodejs", "PF-T1", REAL_TIME_TEXT), tension("PF-T1", "PF-T2", wayOut));
        assertThat(decision.tensions()).singleElement().satisfies(shown -> {
            assertThat(shown.text()).isEqualTo("PF-T1 against PF-T2: " + wayOut);
            assertThat(shown.claims()).containsExactly("PF-T1", "PF-T2");
            assertThat(shown.rules()).containsExactly(BOTH_WAYS);
        });
        assertThat(decision.scores()).containsEntry("python", 0);
        assertThat(decision.verdict()).isEqualTo("nodejs");
    }

    @Test
    void whenRealTimeWithoutHighLoad_thenNoPerformanceTension() {
        // given real-time work under no high load (near miss for the tension)
        Project project = Project.builder("live").traits("real-time", "fast-runtime").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).doesNotContain(BOTH_WAYS, HIGH_LOAD);
        assertThat(tensionClaimsOf(decision)).isEmpty();
    }

    @Test
    void whenHighLoadAlone_thenNoPerformanceTensionAndTheLoadIsWeighed() {
        // given high load without real-time work (near miss for the tension)
        Project project = Project.builder("batch").traits("high-load").build();
        // when
        Decision decision = decide(project);
        // then no tension, and the high-load term is not reported as unweighed
        assertThat(firedRulesOf(decision, FILE)).containsExactly(HIGH_LOAD);
        assertThat(tensionClaimsOf(decision)).isEqualTo(List.of());
        assertThat(notWeighedOf(decision)).isEmpty();
    }
}
