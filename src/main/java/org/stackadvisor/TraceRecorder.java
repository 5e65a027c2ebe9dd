package org.stackadvisor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Records every rule firing of one session, in order: the rule, the values of its declarations,
 * every fact of its patterns, and what its consequence inserted. It also maps each Drools match
 * to its latest firing, so that truth-maintenance justifications can be named by firing number.
 * It keeps the session's objects as they are: rendering them is left to whoever reads the trace,
 * so that a decision whose trace is never read does not pay for it.
 */
final class TraceRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** One firing as it happened; values are the session's own objects, never rendered here. */
    static final class RecordedFiring {
        final int seq;
        final String rule;
        final List<String> declarationIds;
        final Object[] declarationValues;
        final Object[] objects;
        private List<Object> inserted = List.of();
        /** Whether truth maintenance still holds something this firing derived; set once the session settled. */
        boolean supporting;

        RecordedFiring(int seq, String rule, List<String> declarationIds, Object[] declarationValues, Object[] objects) {
            this.seq = seq;
            this.rule = rule;
            this.declarationIds = declarationIds;
            this.declarationValues = declarationValues;
            this.objects = objects;
        }

        List<Object> inserted() {
            return inserted;
        }

        private void recordInsert(Object object) {
            if (inserted.isEmpty()) {
                inserted = new ArrayList<>(2);
            }
            inserted.add(object);
        }
    }

    /** How the executable model names the declaration it gives a pattern that has no binding. */
    static final String GENERATED_DECLARATION = "GENERATED_$pattern_";

    private final Map<List<String>, List<String>> recordedDeclarations;
    private final List<RecordedFiring> firings = new ArrayList<>();
    private final Map<Match, RecordedFiring> latestFiringOfMatch = new IdentityHashMap<>();
    private RecordedFiring current;

    /** {@code recordedDeclarations}: the rule base's cache of {@link #declarationIds}, shared by its decisions. */
    TraceRecorder(Map<List<String>, List<String>> recordedDeclarations) {
        this.recordedDeclarations = recordedDeclarations;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Match match = event.getMatch();
        List<String> ids = declarationIds(match);
        Object[] values = new Object[ids.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = asAtFiring(match.getDeclarationValue(ids.get(i)));
        }
        Object[] objects = match.getObjects().toArray();
        for (int i = 0; i < objects.length; i++) {
            objects[i] = asAtFiring(objects[i]);
        }
        current = new RecordedFiring(firings.size() + 1, match.getRule().getName(), ids, values, objects);
        firings.add(current);
        latestFiringOfMatch.put(match, current);
    }

    /**
     * A copy of an accumulate's collection (collectList, collectSet): Drools hands out a view of the
     * live collection, which later firings change and a session reset clears, so without the copy a
     * superseded firing would show what was summed at the end instead of what it summed.
     */
    private static Object asAtFiring(Object value) {
        if (value instanceof Set) {
            return Collections.unmodifiableSet(new LinkedHashSet<>((Set<?>) value));
        }
        return value instanceof Collection ? Collections.unmodifiableList(new ArrayList<>((Collection<?>) value)) : value;
    }

    /**
     * The match's declarations by name, leaving out those the executable model makes up for
     * patterns without a binding: the same rules, precompiled or compiled from DRL at run time,
     * then record the same declarations in the same order, so their decisions are byte-identical.
     */
    private List<String> declarationIds(Match match) {
        return recordedDeclarations.computeIfAbsent(match.getDeclarationIds(), ids -> {
            List<String> recorded = new ArrayList<>(ids);
            recorded.removeIf(id -> id.startsWith(GENERATED_DECLARATION));
            Collections.sort(recorded);
            return List.copyOf(recorded);
        });
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        current = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (current != null && event.getRule() != null) {
            current.recordInsert(event.getObject());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Rules never modify facts; nothing to record.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // Truth maintenance retracts derived facts whose support is gone; the final state shows it.
    }

    List<RecordedFiring> firings() {
        return firings;
    }

    /** The latest firing of a match, or null for a match that never fired. */
    RecordedFiring firingOf(Match match) {
        return latestFiringOfMatch.get(match);
    }
}
