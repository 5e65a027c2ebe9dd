package org.stackadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
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

/** The rules of {@code backstory.drl}. */
class BackstoryRulesTest {
    private static final String FILE = "backstory.drl";

    private static final String V8_REAL_TIME = "Real-time work favours Node.js for the speed of its V8 engine";
    private static final String V8_TEXT = "V8's speed has made Node.js a common choice for real-time servers";

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file; then
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(V8_REAL_TIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"real-time", "chat", "streaming"})
    void whenWorkIsRealTime_thenNodejsEvidenceForV8(String trait) {
        // given a trait that classifies the work as real-time
        Project project = Project.builder("real-time").traits(trait).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(V8_REAL_TIME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 1, V8_TEXT));
    }

    @Test
    void whenSeveralRealTimeTraits_thenV8EvidenceCountsOnce() {
        // given every real-time trait
        Project project = Project.builder("very real-time").traits("real-time", "chat", "streaming").build();
        // when
        Decision decision = decide(project);
        // then one piece of evidence, of weight 1
        assertThat(firedRulesOf(decision, FILE)).containsExactly(V8_REAL_TIME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 1, V8_TEXT));
    }

    @Test
    void whenFastRuntimeAndHighLoadButNotRealTime_thenNoV8Evidence() {
        // given speed-related traits that do not make the work real-time (near miss)
        Project project = Project.builder("fast, not real-time").traits("fast-runtime", "high-load", "io-bound").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }
}
