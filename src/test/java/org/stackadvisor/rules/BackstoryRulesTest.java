package org.stackadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackadvisor.rules.RuleTestSupport.decide;
import static org.stackadvisor.rules.RuleTestSupport.derivedFactsOf;
import static org.stackadvisor.rules.RuleTestSupport.evidence;
import static org.stackadvisor.rules.RuleTestSupport.firedRulesOf;
import static org.stackadvisor.rules.RuleTestSupport.points;
import static org.stackadvisor.rules.RuleTestSupport.rulesOf;
import static org.stackadvisor.rules.RuleTestSupport.vote;
import static org.stackadvisor.rules.RuleTestSupport.votesOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;

/**
 * The rule of {@code backstory.drl}. BACK-2: "a speedy V8 ... makes it a popular choice for
 * real-time server applications". The manifest has BACK-2 restate PF-T1, so it never votes on its own.
 */
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
        // then BACK-2 evidence, which the reader sees inside the real-time vote led by PF-T1
        assertThat(firedRulesOf(decision, FILE)).containsExactly(V8_REAL_TIME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "BACK-2", V8_TEXT));
        assertThat(decision.conclusions()).anySatisfy(conclusion -> assertThat(conclusion.rules()).contains(V8_REAL_TIME));
    }

    @Test
    void whenWorkIsRealTime_thenBack2VotesOnceWithPfT1AndAddsNothingOfItsOwn() {
        // given real-time work and nothing else
        Project project = Project.builder("live scores").traits("real-time").build();
        // when
        Decision decision = decide(project);
        // then one Node.js vote for BACK-2 and PF-T1 together, worth the stronger claim's weight
        assertThat(votesOf(decision)).containsExactly(vote("nodejs", "PF-T1", "BACK-2"));
        assertThat(decision.scores()).containsEntry("nodejs", points("PF-T1", "BACK-2")).containsEntry("python", 0);
        assertThat(points("PF-T1", "BACK-2")).isEqualTo(points("PF-T1"));
    }

    @Test
    void whenSeveralRealTimeTraits_thenV8EvidenceCountsOnce() {
        // given every real-time trait
        Project project = Project.builder("very real-time").traits("real-time", "chat", "streaming").build();
        // when
        Decision decision = decide(project);
        // then one piece of BACK-2 evidence
        assertThat(firedRulesOf(decision, FILE)).containsExactly(V8_REAL_TIME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "BACK-2", V8_TEXT));
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
        assertThat(decision.firedClaims()).doesNotContain("BACK-2");
    }
}
