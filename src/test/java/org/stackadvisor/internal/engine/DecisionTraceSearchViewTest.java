package org.stackadvisor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.Firing;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.authoring.Scenario;
import org.stackadvisor.internal.Access;

/**
 * What-if and why-not read a decision's fired rules and the rules behind each candidate's
 * recommendations straight from the trace, without building conclusions and proofs: on every
 * example they say what the built decision says.
 */
class DecisionTraceSearchViewTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    @TestFactory
    Stream<DynamicTest> whenATraceIsReadWithoutBuildingIt_thenItsRulesAndSupportAreThoseOfTheBuiltDecision() {
        return Scenario.discover(Path.of("facts")).stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            Decision decision = ADVISOR.decide(scenario.factsFile());
            DecisionTrace trace = Access.root().trace(decision);

            List<String> firedRules = trace.firedRules();
            Map<String, Map<String, Integer>> support = trace.support();

            assertThat(firedRules).isEqualTo(decision.firings().stream().filter(firing -> !firing.superseded()).map(Firing::rule)
                    .distinct().collect(Collectors.toList()));
            Map<String, Map<String, Integer>> fromConclusions = new HashMap<>();
            for (Conclusion recommendation : decision.conclusions(Conclusion.RECOMMENDATION)) {
                for (String rule : recommendation.rules()) {
                    fromConclusions.computeIfAbsent(recommendation.candidate(), candidate -> new HashMap<>())
                            .merge(rule, recommendation.points(), Math::max);
                }
            }
            assertThat(support).isEqualTo(fromConclusions);
        }));
    }
}
