package org.stackadvisor.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.util.LinkedListEntry;
import org.drools.tms.LogicalDependency;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.beliefsystem.BeliefSet;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * Every current justification of every logically inserted fact of a session. Drools' public
 * API reports only the first insert of equal facts; the belief sets of truth maintenance hold
 * them all. It is one of the four classes that touch Drools internals (with {@link SessionPool},
 * which resets sessions, {@link RuleOrder}, which sets the agenda's load order, and {@link
 * TraceRecorder}, which reads matches), so a Drools upgrade that changes them breaks there, and in
 * their tests, only.
 */
final class Justifications {
    private Justifications() {
    }

    /**
     * Reads the session's facts once: each fact in the session's order into {@code facts}, and for
     * each logical fact the matches that currently justify it, handed to {@code justified}.
     */
    static void of(KieSession session, List<Object> facts, BiConsumer<Object, List<Match>> justified) {
        for (FactHandle handle : session.getFactHandles()) {
            if (!(handle instanceof InternalFactHandle)) {
                facts.add(session.getObject(handle));
                continue;
            }
            InternalFactHandle internal = (InternalFactHandle) handle;
            facts.add(internal.getObject());
            EqualityKey key = internal.getEqualityKey();
            if (!(key instanceof TruthMaintenanceSystemEqualityKey)) {
                continue;
            }
            BeliefSet<?> beliefs = ((TruthMaintenanceSystemEqualityKey) key).getBeliefSet();
            if (beliefs == null) {
                continue;
            }
            List<Match> matches = new ArrayList<>(2);
            for (Object mode = beliefs.getFirst(); mode != null; mode = ((LinkedListEntry<?, ?>) mode).getNext()) {
                Object dependency = ((LinkedListEntry<?, ?>) mode).getObject();
                if (dependency instanceof LogicalDependency) {
                    matches.add(((LogicalDependency<?>) dependency).getJustifier());
                }
            }
            justified.accept(internal.getObject(), matches);
        }
    }
}
