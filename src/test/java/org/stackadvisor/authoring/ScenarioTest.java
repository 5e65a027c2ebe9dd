package org.stackadvisor.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stackadvisor.Decision;
import org.stackadvisor.StackAdvisor;

/** Every example in {@code facts/} decides as its expectations in {@code facts/expected/} say. */
class ScenarioTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    @TestFactory
    Stream<DynamicTest> whenEachExampleIsDecided_thenItsExpectationsHold() {
        return Scenario.discover(Path.of("facts")).stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            // given the scenario's facts and expectations; when it runs
            ScenarioResult result = scenario.run(ADVISOR);
            // then every expectation holds
            assertThat(result.failures()).as(result.report()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> whenEachExampleIsDecided_thenEveryConclusionNamesItsRuleAndClaims() {
        return Scenario.discover(Path.of("facts")).stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            Decision decision = ADVISOR.decide(scenario.factsFile());
            assertThat(decision.conclusions()).allSatisfy(conclusion -> {
                assertThat(conclusion.rule()).isNotBlank();
                assertThat(conclusion.claims()).isNotEmpty();
                assertThat(conclusion.firings()).isNotEmpty();
            });
        }));
    }
}
