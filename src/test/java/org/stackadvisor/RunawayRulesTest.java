package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stackadvisor.authoring.Verification;

/** Rules that never settle stop at the firing limit, with the busiest rules named, and give no verdict at all. */
class RunawayRulesTest {
    private static final Path LIVE_CHAT = Path.of("facts/live-chat.json");

    @Test
    void whenTheRulesNeverSettle_thenTheDecisionFailsAtTheDefaultLimitNamingTheBusiestRules() {
        StackAdvisor advisor = StackAdvisor.fromDirectory(RunawayRules.FIXTURE);
        assertThat(advisor.firingLimit()).isEqualTo(RunawayRules.DEFAULT_FIRING_LIMIT);

        InvalidRuleBaseException failure = catchThrowableOfType(() -> advisor.decide(LIVE_CHAT), InvalidRuleBaseException.class);

        assertThat(failure).isNotNull();
        assertThat(failure.problems()).hasSize(1);
        RunawayRules.assertFiringLimitError(failure.getMessage(), RunawayRules.DEFAULT_FIRING_LIMIT);
    }

    @Test
    void whenTheRunawayRulesAreVerified_thenVerificationFailsWithTheFiringLimitError() {
        // given the rules that never settle; when they are verified
        Verification verification = Verification.of(RunawayRules.FIXTURE);
        // then verify rejects them for the runaway, as decide does
        assertThat(verification.passed()).isFalse();
        assertThat(verification.errors()).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("deciding a project with no facts: the rules fired more than " + RunawayRules.DEFAULT_FIRING_LIMIT
                        + " times without settling, so no verdict was given")
                .contains("\"Every count is written down\"", "\"Every written count asks for the next one\""));
    }

    @Test
    void whenTheRunawayRulesAreReloaded_thenTheyAreRejectedAndTheOldRulesKeepServing(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        // given an advisor serving a copy of the bundled rules
        Path rules = RulesCopy.into(folder);
        StackAdvisor advisor = StackAdvisor.fromDirectory(rules);
        String serving = advisor.knowledgeBaseSha256();
        String before = advisor.decide(LIVE_CHAT).toJson();
        // when the folder is replaced by the rules that never settle, and reloaded
        try (var files = java.nio.file.Files.list(rules)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                java.nio.file.Files.delete(file);
            }
        }
        try (var files = java.nio.file.Files.list(RunawayRules.FIXTURE)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                java.nio.file.Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        ReloadResult result = advisor.reload();
        // then the reload is refused for the runaway, and the old rule base still decides
        assertThat(result.swapped()).isFalse();
        assertThat(result.problems()).anySatisfy(problem -> assertThat(problem.toString())
                .contains("the rules fired more than " + RunawayRules.DEFAULT_FIRING_LIMIT + " times without settling"));
        assertThat(advisor.knowledgeBaseSha256()).isEqualTo(serving);
        assertThat(advisor.decide(LIVE_CHAT).toJson()).isEqualTo(before);
    }

    @Test
    void whenTheFiringLimitIsSet_thenTheRunawayStopsThere() {
        StackAdvisor advisor = StackAdvisor.builder().rulesDirectory(RunawayRules.FIXTURE).firingLimit(50).build();

        InvalidRuleBaseException failure = catchThrowableOfType(() -> advisor.decide(LIVE_CHAT), InvalidRuleBaseException.class);

        RunawayRules.assertFiringLimitError(failure.getMessage(), 50);
    }

    @Test
    void whenTheRulesRunAway_thenNoListenerReceivesTheVerdictDerivedBeforeTheLimit() {
        List<Decision> decisions = new ArrayList<>();
        StackAdvisor advisor = StackAdvisor.builder().rulesDirectory(RunawayRules.FIXTURE).listener(decisions::add).build();

        catchThrowableOfType(() -> advisor.decide(LIVE_CHAT), InvalidRuleBaseException.class);

        assertThat(decisions).isEmpty();
    }

    @Test
    void whenTheBundledRulesAreGivenTooFewFirings_thenTheyFailTheSameWay() {
        StackAdvisor advisor = StackAdvisor.builder().firingLimit(3).build();

        InvalidRuleBaseException failure = catchThrowableOfType(() -> advisor.decide(LIVE_CHAT), InvalidRuleBaseException.class);

        assertThat(failure.getMessage()).contains("the rules fired more than 3 times without settling, so no verdict was given");
    }

    @Test
    void whenTheDefaultLimitIsUsed_thenItIsSizedToTheRuleBase() throws Exception {
        StackAdvisor bundled = StackAdvisor.bundled();
        int rules = new ObjectMapper().readTree(bundled.decide(LIVE_CHAT).toJson()).get("knowledgeBase").get("rules").size();
        assertThat(bundled.firingLimit()).isEqualTo(1_000 + 100 * rules);
    }
}
