package org.stackadvisor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.Firing;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;

/**
 * Truth maintenance keeps every justification of an equal logical fact, but Drools' events report
 * only the first; {@link Justifications} reads them all. These tests pin that behaviour, so a
 * Drools upgrade that changes the internals fails here first.
 */
class JustificationsTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    @Test
    void whenTwoFactsJustifyTheSameEvidence_thenTheConclusionNamesBothFirings() {
        // given chat and streaming, each of which alone justifies the same UC-3 evidence
        Project project = Project.builder("chat and streaming").traits("chat", "streaming").build();
        // when
        Decision decision = ADVISOR.decide(project);
        // then the one recommendation rests on two firings of the same rule, on different terms
        Conclusion realTimeData = decision.conclusions(Conclusion.RECOMMENDATION).stream()
                .filter(conclusion -> conclusion.claims().contains("UC-3")).findFirst().orElseThrow();
        assertThat(realTimeData.firings()).hasSize(2);
        List<Object> matchedValues = realTimeData.firings().stream()
                .map(seq -> (java.util.Map<?, ?>) decision.firings().get(seq - 1).matched().get("$dataHeavy"))
                .map(term -> (Object) term.get("value")).toList();
        assertThat(matchedValues).containsExactlyInAnyOrder("chat", "streaming");
    }

    @Test
    void whenTheSecondJustificationInsertsNothingNew_thenItsFiringIsStillNotSuperseded() {
        // given two libraries of one ecosystem: the one-ecosystem rule fires twice for one piece of evidence
        Project project = Project.builder("two node libraries").libraries("express", "react").build();
        // when
        Decision decision = ADVISOR.decide(project);
        // then both firings justify the evidence, though only the first inserted it
        List<Firing> oneEcosystem = decision.firings().stream()
                .filter(firing -> firing.rule().equals("Libraries drawn from one ecosystem only tip the balance to it"))
                .filter(firing -> !firing.superseded()).toList();
        assertThat(oneEcosystem).hasSize(2);
        assertThat(oneEcosystem.get(0).inserted()).hasSize(1);
        assertThat(oneEcosystem.get(1).inserted()).isEmpty();
    }

    @Test
    void whenAScoreIsSummedAgain_thenOnlyTheLatestFiringJustifiesIt() {
        // given evidence that arrives over several firings
        Decision decision = ADVISOR.decide(Project.builder("many reasons").traits("chat").libraries("express").build());
        // when the score's conclusion is read
        Conclusion nodeScore = decision.conclusions(Conclusion.SCORE).stream()
                .filter(conclusion -> "nodejs".equals(conclusion.candidate())).findFirst().orElseThrow();
        // then it rests on exactly one firing: the last summing, and earlier sums are superseded
        assertThat(nodeScore.firings()).hasSize(1);
        Firing summing = decision.firings().get(nodeScore.firings().get(0) - 1);
        assertThat(summing.superseded()).isFalse();
        assertThat(summing.inserted()).singleElement().satisfies(score -> assertThat(score).containsEntry("total", nodeScore.points()));
    }
}
