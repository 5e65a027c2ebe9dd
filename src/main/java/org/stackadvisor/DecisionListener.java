package org.stackadvisor;

/**
 * Receives every {@link Decision} an advisor makes, after it is made and before {@code decide}
 * returns, for example to persist it. Register one with {@link StackAdvisor.Builder#listener}.
 *
 * <pre>{@code
 * StackAdvisor advisor = StackAdvisor.builder()
 *         .listener(decision -> repository.save(decision.toJson()))
 *         .build();
 * }</pre>
 *
 * <p>A listener that throws makes the decision fail with that exception: a decision is never
 * returned unrecorded when a recorder was asked for. Listeners are called from the deciding
 * thread and must be thread-safe when the advisor is shared.
 */
@FunctionalInterface
public interface DecisionListener {
    /** Called once for each decision made. */
    void decided(Decision decision);
}
