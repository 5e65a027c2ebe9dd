package org.stackadvisor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Records every rule firing of one session, in order: the rule, the facts it matched by
 * declaration, every fact of its patterns, and what its consequence inserted. It also maps each
 * Drools match to its latest firing, so that truth-maintenance justifications can be named by
 * firing number.
 */
final class TraceRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** One firing as it happened; values are the session's own objects until rendered. */
    static final class RecordedFiring {
        final int seq;
        final String rule;
        final Map<String, Object> declarations;
        final List<Object> objects;
        final List<Object> inserted = new ArrayList<>();

        RecordedFiring(int seq, String rule, Map<String, Object> declarations, List<Object> objects) {
            this.seq = seq;
            this.rule = rule;
            this.declarations = declarations;
            this.objects = objects;
        }
    }

    private final List<RecordedFiring> firings = new ArrayList<>();
    private final Map<Match, RecordedFiring> latestFiringOfMatch = new IdentityHashMap<>();
    private RecordedFiring current;

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Match match = event.getMatch();
        Map<String, Object> declarations = new java.util.LinkedHashMap<>();
        for (String id : match.getDeclarationIds()) {
            declarations.put(id, match.getDeclarationValue(id));
        }
        current = new RecordedFiring(firings.size() + 1, match.getRule().getName(), declarations,
                new ArrayList<>(match.getObjects()));
        firings.add(current);
        latestFiringOfMatch.put(match, current);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        current = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (current != null && event.getRule() != null) {
            current.inserted.add(event.getObject());
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

    int firingCount() {
        return firings.size();
    }
}
