package org.stackadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackadvisor.rules.RuleTestSupport.ADVISOR;
import static org.stackadvisor.rules.RuleTestSupport.decide;
import static org.stackadvisor.rules.RuleTestSupport.derivedFactsOf;
import static org.stackadvisor.rules.RuleTestSupport.firedRulesOf;
import static org.stackadvisor.rules.RuleTestSupport.points;
import static org.stackadvisor.rules.RuleTestSupport.rulesOf;
import static org.stackadvisor.rules.RuleTestSupport.score;
import static org.stackadvisor.rules.RuleTestSupport.signalOf;
import static org.stackadvisor.rules.RuleTestSupport.vote;
import static org.stackadvisor.rules.RuleTestSupport.votesOf;
import static org.stackadvisor.rules.RuleTestSupport.weight;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;

/**
 * The rule of {@code scoring.drl}: each candidate scores one vote per signal of the article that
 * supports it, each worth the manifest's weight of its strongest claim (claims that {@code restates}
 * another share its vote). Expected scores are worked out from the manifest's weights.
 */
class ScoringRulesTest {
    private static final String FILE = "scoring.drl";

    private static final String SCORING = "Each candidate scores one vote per claim of the article that supports it";

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
        // given I/O-bound work: UC-4 evidence for Node.js, nothing for Python
        Project project = Project.builder("proxy").traits("io-bound").build();
        // when
        Decision decision = decide(project);
        // then Node.js scores UC-4's weight from the manifest
        assertThat(firedRulesOf(decision, FILE)).containsExactly(SCORING);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(score("nodejs", weight("UC-4")), score("python", 0));
        assertThat(decision.scores()).containsExactly(Map.entry("nodejs", weight("UC-4")), Map.entry("python", 0));
    }

    @Test
    void whenEvidenceForBothCandidates_thenEachScoreIsTheSumOfItsVotes() {
        // given a project with evidence from several sections for both candidates
        Project project = Project.builder("mixed").traits("chat", "io-bound").libraries("django", "pandas")
                .needs("machine-learning").domain("banking").build();
        int nodejs = points("PF-T1", "BACK-2", "UC-3") + points("UC-4");
        int python = points("FLC-T", "FLC-1", "FLC-2", "FLC-5") + points("UC-1") + points("UC-2");
        // when
        Decision decision = decide(project);
        // then one recommendation per vote, and the scores are the sums of the votes' weights
        assertThat(votesOf(decision)).containsExactlyInAnyOrder(
                vote("nodejs", "PF-T1", "BACK-2", "UC-3"), vote("nodejs", "UC-4"),
                vote("python", "FLC-T", "FLC-1", "FLC-2", "FLC-5"), vote("python", "UC-1"), vote("python", "UC-2"));
        Map<String, Integer> summed = new LinkedHashMap<>();
        ADVISOR.candidates().forEach(candidate -> summed.put(candidate, 0));
        decision.conclusions(Conclusion.RECOMMENDATION)
                .forEach(evidence -> summed.merge(evidence.candidate(), evidence.points(), Integer::sum));
        assertThat(decision.scores()).isEqualTo(summed).containsExactly(Map.entry("nodejs", nodejs), Map.entry("python", python));
        assertThat(firedRulesOf(decision, FILE)).containsExactly(SCORING);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(score("nodejs", nodejs), score("python", python));
    }

    @Test
    void whenAnyDecisionIsScored_thenNoCandidateHasTwoRecommendationsOfOneSignal() {
        // given a project that supports many claims, several of them restating one another
        Project project = Project.builder("busy everything").traits("real-time", "chat", "streaming", "data-intensive",
                "fast-runtime", "io-bound").systemSize("small").needs("web-app", "one-language-stack", "data-analysis")
                .libraries("express", "nest", "pandas", "numpy").teamSkills("javascript").build();
        // when
        Decision decision = decide(project);
        // then every recommendation is a distinct (candidate, signal) pair, and no claim shows twice for a candidate
        Set<String> signals = new HashSet<>();
        Set<String> claims = new HashSet<>();
        for (Conclusion recommendation : decision.conclusions(Conclusion.RECOMMENDATION)) {
            assertThat(signals.add(recommendation.candidate() + " " + signalOf(recommendation.claims().get(0)))).isTrue();
            recommendation.claims().forEach(claim -> assertThat(claims.add(recommendation.candidate() + " " + claim)).isTrue());
        }
        assertThat(decision.scores()).containsEntry("nodejs", points("PF-T1", "BACK-2", "UC-3") + points("UC-T1", "PF-1")
                + points("UC-4") + points("LC-1") + points("FLC-T", "FLC-8"));
        assertThat(decision.scores()).containsEntry("python", points("FLC-T", "FLC-2", "FLC-4"));
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
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                score("nodejs", points("PF-T1", "BACK-2", "UC-3") + points("UC-4")),
                score("python", points("FLC-T", "FLC-6")));
    }

    @Test
    void whenEqualEvidenceIsDerivedTwice_thenItCountsOnce() {
        // given two traits that derive the same UC-5 evidence
        Project project = Project.builder("3d").traits("memory-intensive", "3d-rendering").build();
        // when
        Decision decision = decide(project);
        // then the Node.js score is UC-5's weight, once
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(score("nodejs", weight("UC-5")), score("python", 0));
    }

    @Test
    void whenOnlyTheWeakerOfTwoRestatingClaimsHolds_thenItVotesWithItsOwnWeight() {
        // given a fast runtime of unknown size: PF-1 holds, the takeaway UC-T1 it restates does not
        Project project = Project.builder("fast").traits("fast-runtime").build();
        // when
        Decision decision = decide(project);
        // then the vote is worth PF-1's own weight, not the takeaway's
        assertThat(signalOf("PF-1")).isEqualTo("UC-T1");
        assertThat(decision.scores()).containsEntry("nodejs", weight("PF-1"));
    }

    @Test
    void whenTheSameSignalIsRaisedUnderEveryName_thenTheScoreDoesNotGrow() {
        // given real-time work alone, then the same work named every way the vocabulary allows
        Decision once = decide(Project.builder("real-time").traits("real-time").build());
        Decision everyName = decide(Project.builder("real-time, every name").traits("real-time", "chat", "streaming").build());
        // when / then both score the real-time signal once, at its takeaway's weight
        assertThat(once.scores()).containsEntry("nodejs", weight("PF-T1"));
        assertThat(everyName.scores()).isEqualTo(once.scores());
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
        assertThat(decision.scores()).containsExactly(Map.entry("nodejs", 0), Map.entry("python", points("FLC-T", "FLC-6")));
    }
}
