package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listeners registered on the builder receive every decision, and a failing one fails the decision. */
class DecisionListenerTest {
    private static final Path LIVE_CHAT = Path.of("facts", "live-chat.json");

    @Test
    void whenAdvisorDecides_thenEveryListenerReceivesEveryDecisionInOrder() {
        // given two listeners
        List<String> calls = new ArrayList<>();
        List<Decision> received = new ArrayList<>();
        StackAdvisor advisor = StackAdvisor.builder()
                .listener(decision -> {
                    calls.add("first " + decision.project());
                    received.add(decision);
                })
                .listener(decision -> calls.add("second " + decision.project()))
                .build();
        // when it decides a file and a project built in code
        Decision fromFile = advisor.decide(LIVE_CHAT);
        Decision fromCode = advisor.decide(Project.builder("Team portal").needs("web-app").build());
        // then both listeners got both decisions, in registration order, as returned
        assertThat(calls).containsExactly("first Support-desk live chat", "second Support-desk live chat",
                "first Team portal", "second Team portal");
        assertThat(received).containsExactly(fromFile, fromCode);
        assertThat(received.get(0)).isSameAs(fromFile);
    }

    @Test
    void whenAListenerThrows_thenDecideFailsWithThatException() {
        // given a listener that cannot record
        IllegalStateException full = new IllegalStateException("audit disk full");
        StackAdvisor advisor = StackAdvisor.builder().listener(decision -> {
            throw full;
        }).build();
        // when it decides, then the decision is not returned and the listener's exception is thrown
        assertThatThrownBy(() -> advisor.decide(LIVE_CHAT)).isSameAs(full);
    }

    @Test
    void whenTheFactsAreInvalid_thenNoListenerIsCalled() {
        List<Decision> received = new ArrayList<>();
        StackAdvisor advisor = StackAdvisor.builder().listener(received::add).build();
        assertThatThrownBy(() -> advisor.decide(Project.builder("Typo").traits("real-tim").build()))
                .isInstanceOf(InvalidFactsException.class);
        assertThat(received).isEmpty();
    }
}
