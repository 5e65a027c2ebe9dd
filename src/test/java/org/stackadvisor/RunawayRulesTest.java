package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
