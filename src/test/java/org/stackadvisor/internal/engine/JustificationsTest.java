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
        // (the vote also lists the firings of the claims that restate UC-3's signal, PF-T1 and BACK-2)
        Conclusion realTimeData = decision.conclusions(Conclusion.RECOMMENDATION).stream()
                .filter(conclusion -> conclusion.claims().contains("UC-3")).findFirst().orElseThrow();
        List<Firing> chatOrStreaming = realTimeData.firings().stream().map(seq -> decision.firings().get(seq - 1))
                .filter(firing -> firing.rule().equals("Chat and streaming platforms are the real-time data-heavy web work Node.js is best at"))
                .toList();
        assertThat(chatOrStreaming).hasSize(2).noneMatch(Firing::superseded);
        List<Object> matchedValues = chatOrStreaming.stream()
                .map(firing -> (Object) firing.facts().get(0).get("value")).toList();
        assertThat(matchedValues).containsExactlyInAnyOrder("chat", "streaming");
    }

    @Test
    void whenTheSecondJustificationInsertsNothingNew_thenItsFiringIsStillNotSuperseded() {
        // given two libraries of one ecosystem: the ecosystem rule fires twice for one piece of evidence
        Project project = Project.builder("two node libraries").libraries("express", "lodash").build();
        // when
        Decision decision = ADVISOR.decide(project);
        // then both firings justify the evidence, and both list it as derived, though Drools saw only the first insert
        List<Firing> oneEcosystem = decision.firings().stream()
                .filter(firing -> firing.rule().equals("Libraries of an ecosystem that serve the project favour that ecosystem"))
                .filter(firing -> !firing.superseded()).toList();
        assertThat(oneEcosystem).hasSize(2);
        assertThat(oneEcosystem.get(0).inserted()).hasSize(1);
        assertThat(oneEcosystem.get(1).inserted()).isEqualTo(oneEcosystem.get(0).inserted());
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
