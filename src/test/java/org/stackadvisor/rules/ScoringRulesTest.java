package org.stackadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackadvisor.rules.RuleTestSupport.ADVISOR;
import static org.stackadvisor.rules.RuleTestSupport.decide;
import static org.stackadvisor.rules.RuleTestSupport.derivedFactsOf;
import static org.stackadvisor.rules.RuleTestSupport.firedRulesOf;
import static org.stackadvisor.rules.RuleTestSupport.rulesOf;
import static org.stackadvisor.rules.RuleTestSupport.score;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;

/** The rule of {@code scoring.drl}: each candidate scores the sum of its evidence weights. */
class ScoringRulesTest {
    private static final String FILE = "scoring.drl";

    private static final String SCORING = "Each candidate scores the sum of its evidence";

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file; then
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(SCORING);
    }

    @Test
    void whenNoFactsAtAll_thenEveryCandidateScoresZero() {
        // given a project with a name only
        Project project = Project.builder("nothing known").build();
        // when
        Decision decision = decide(project);
        // then the scoring rule still fires, once per candidate, with a zero total
        assertThat(firedRulesOf(decision, FILE)).containsExactly(SCORING);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(score("nodejs", 0), score("python", 0));
        assertThat(decision.scores()).containsExactly(Map.entry("nodejs", 0), Map.entry("python", 0));
    }

    @Test
    void whenEvidenceForOneCandidateOnly_thenTheOtherScoresZero() {
        // given I/O-bound work: Node.js evidence of weight 2, nothing for Python
        Project project = Project.builder("proxy").traits("io-bound").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(SCORING);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(score("nodejs", 2), score("python", 0));
        assertThat(decision.scores()).containsExactly(Map.entry("nodejs", 2), Map.entry("python", 0));
    }

    @Test
    void whenEvidenceForBothCandidates_thenEachScoreIsTheSumOfItsEvidenceWeights() {
        // given a project with evidence from several sections for both candidates:
        // Node.js: V8 1 + real-time performance 2 + real-time data 3 + I/O-bound 2 = 8
        // Python: django 2 + pandas 2 + one ecosystem 1 + machine learning 3 + banking 3 = 11
        Project project = Project.builder("mixed").traits("chat", "io-bound").libraries("django", "pandas")
                .needs("machine-learning").domain("banking").build();
        // when
        Decision decision = decide(project);
        // then the scores are the sums of the weights of the recommendations in the decision
        Map<String, Integer> summed = new LinkedHashMap<>();
        ADVISOR.candidates().forEach(candidate -> summed.put(candidate, 0));
        decision.conclusions(Conclusion.RECOMMENDATION)
                .forEach(evidence -> summed.merge(evidence.candidate(), evidence.points(), Integer::sum));
        assertThat(decision.scores()).isEqualTo(summed).containsExactly(Map.entry("nodejs", 8), Map.entry("python", 11));
        assertThat(firedRulesOf(decision, FILE)).containsExactly(SCORING);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(score("nodejs", 8), score("python", 11));
    }

    @Test
    void whenEvidenceArrivesInStages_thenOnlyTheFinalScoringFiringsRemain() {
        // given evidence that arrives over several stages (classification, then sections)
        Project project = Project.builder("staged").traits("chat", "io-bound").needs("robotics").build();
        // when
        Decision decision = decide(project);
        // then exactly one non-superseded scoring firing per candidate, carrying the final total
        assertThat(decision.firings().stream().filter(firing -> firing.rule().equals(SCORING) && !firing.superseded()))
                .hasSize(ADVISOR.candidates().size());
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(score("nodejs", 8), score("python", 3));
    }

    @Test
    void whenEqualEvidenceIsDerivedTwice_thenItCountsOnce() {
        // given two traits that derive the same piece of UC-5 evidence
        Project project = Project.builder("3d").traits("memory-intensive", "3d-rendering").build();
        // when
        Decision decision = decide(project);
        // then the Node.js score is 2, not 4
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(score("nodejs", 2), score("python", 0));
    }

    @Test
    void whenEvidenceIsWithdrawn_thenItNoLongerCounts() {
        // given libraries from both ecosystems: the one-ecosystem bonus is derived, then withdrawn
        Project project = Project.builder("mixed stack").libraries("django", "express").build();
        // when
        Decision decision = decide(project);
        // then neither score includes the withdrawn bonus of 1
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(score("nodejs", 2), score("python", 2));
        assertThat(decision.scores()).containsExactly(Map.entry("nodejs", 2), Map.entry("python", 2));
    }

    @Test
    void whenScored_thenEachScoreConclusionNamesTheScoringRule() {
        // given evidence for Python only
        Project project = Project.builder("robot").needs("robotics").build();
        // when
        Decision decision = decide(project);
        // then one score conclusion per candidate, derived by the scoring rule, citing BACK-3
        assertThat(decision.conclusions(Conclusion.SCORE)).hasSize(2).allSatisfy(conclusion -> {
            assertThat(conclusion.rules()).containsExactly(SCORING);
            assertThat(conclusion.claims()).containsExactly("BACK-3");
            assertThat(conclusion.points()).isEqualTo(decision.scores().get(conclusion.candidate()));
        });
        assertThat(decision.scores()).containsExactly(Map.entry("nodejs", 0), Map.entry("python", 3));
    }
}
