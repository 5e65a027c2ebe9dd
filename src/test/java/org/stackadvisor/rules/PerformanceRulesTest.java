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

/** The rules of {@code performance.drl}. */
class PerformanceRulesTest {
    private static final String FILE = "performance.drl";

    private static final String FAST_RUNTIME = "A need for a fast runtime favours Node.js";
    private static final String NOT_FAR_BEHIND = "Python is not far behind on speed";
    private static final String REAL_TIME = "Real-time work favours Node.js on performance";
    private static final String HIGH_LOAD = "High load without real-time needs favours Python";
    private static final String BOTH_WAYS = "High load on real-time work pulls both ways";

    private static final String FAST_RUNTIME_TEXT = "Node.js, with V8 and an asynchronous design, is among the fastest server-side platforms";
    private static final String NOT_FAR_BEHIND_TEXT =
            "Python trails Node.js only slightly on speed; recent releases made some workloads up to 50% faster";
    private static final String REAL_TIME_TEXT = "For a real-time solution the article's performance advice is Node.js";
    private static final String HIGH_LOAD_TEXT = "Under high load, and with no real-time need, the article recommends Python";
    private static final String BOTH_WAYS_TEXT =
            "High load points to Python, but real-time work points to Node.js: the article pulls both ways here";

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file; then
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(FAST_RUNTIME, NOT_FAR_BEHIND, REAL_TIME, HIGH_LOAD, BOTH_WAYS);
    }

    @Test
    void whenFastRuntime_thenNodejsEvidenceAndPythonNotFarBehindCaveat() {
        // given a need for a fast runtime
        Project project = Project.builder("fast").traits("fast-runtime").build();
        // when
        Decision decision = decide(project);
        // then PF-1 evidence and PF-2 caveat
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(FAST_RUNTIME, NOT_FAR_BEHIND);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("nodejs", 2, FAST_RUNTIME_TEXT), caveat(NOT_FAR_BEHIND_TEXT));
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

    @ParameterizedTest
    @ValueSource(strings = {"real-time", "chat", "streaming"})
    void whenWorkIsRealTime_thenNodejsPerformanceEvidence(String trait) {
        // given real-time work without high load
        Project project = Project.builder("real-time").traits(trait).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(REAL_TIME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 2, REAL_TIME_TEXT));
    }

    @Test
    void whenHighLoadWithoutRealTime_thenPythonEvidence() {
        // given a high load and no real-time work
        Project project = Project.builder("reporting").traits("high-load").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(HIGH_LOAD);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("python", 3, HIGH_LOAD_TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"real-time", "chat"})
    void whenHighLoadOnRealTimeWork_thenBothWaysCaveatAndNoPythonEvidence(String realTimeTrait) {
        // given a high load on real-time work (near miss for PF-T2)
        Project project = Project.builder("trading").traits("high-load", realTimeTrait).build();
        // when
        Decision decision = decide(project);
        // then PF-T1 evidence and the both-ways caveat, no PF-T2 evidence
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(REAL_TIME, BOTH_WAYS);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("nodejs", 2, REAL_TIME_TEXT), caveat(BOTH_WAYS_TEXT));
    }

    @Test
    void whenMediumSystemWithoutHighLoadTrait_thenNoHighLoadRule() {
        // given a medium system (must scale) but no high-load trait (near miss for PF-T2 and the caveat)
        Project project = Project.builder("medium").systemSize("medium").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }
}
