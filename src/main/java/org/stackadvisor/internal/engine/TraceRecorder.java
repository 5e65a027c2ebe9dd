package org.stackadvisor.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.drools.base.rule.Declaration;
import org.drools.core.common.QueryElementFactHandle;
import org.drools.core.reteoo.AbstractTerminalNode;
import org.drools.core.reteoo.RuleTerminalNodeLeftTuple;
import org.drools.core.reteoo.TerminalNode;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import org.kie.internal.event.rule.RuleEventListener;

/**
 * Records every rule firing of one session, in order: the rule, the values of its declarations,
 * every fact of its patterns, and what its consequence inserted. It also maps each Drools match
 * to its latest firing, so that truth-maintenance justifications can be named by firing number.
 * It keeps the session's objects as they are: rendering them is left to whoever reads the trace,
 * so that a decision whose trace is never read does not pay for it.
 *
 * <p>It hears firings as a {@link RuleEventListener} (kie-internal), which Drools hands each match
 * to directly: with an {@code AgendaEventListener} instead, Drools makes an event object for every
 * match created, cancelled or fired. It reads a match through Drools' internal tuple class (its
 * terminal node's declarations, its fact handles), which saves the copies the public {@link Match}
 * methods make; a Drools upgrade that changes them breaks here and in the trace tests.
 */
final class TraceRecorder implements RuleEventListener, RuleRuntimeEventListener {

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

    private static final int SCANNED_FIRINGS = 64;
    /** Whether a class is a collection, asked of every matched fact: cheaper than an instanceof on an interface. */
    private static final ClassValue<Boolean> IS_COLLECTION = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return Collection.class.isAssignableFrom(type);
        }
    };

    /** How the executable model names the declaration it gives a pattern that has no binding. */
    static final String GENERATED_DECLARATION = "GENERATED_$pattern_";

    /**
     * What is recorded of every match of one terminal node (one rule, or one branch of a rule's
     * {@code or}): its declarations by name, leaving out those the executable model makes up for
     * patterns without a binding, so that the same rules, precompiled or compiled from DRL at run
     * time, record the same declarations in the same order and give byte-identical decisions.
     * Worked out once per node and rule base, not at every firing.
     */
    static final class Shape {
        final List<String> ids;
        private final Declaration[] declarations;
        /** Whether a declaration's type can hold an accumulate's collection, which must be copied. */
        private final boolean[] mayBeCollection;

        private Shape(List<Declaration> recorded) {
            recorded.sort(Comparator.comparing(Declaration::getIdentifier));
            this.ids = recorded.stream().map(Declaration::getIdentifier).collect(Collectors.toUnmodifiableList());
            this.declarations = recorded.toArray(new Declaration[0]);
            this.mayBeCollection = new boolean[declarations.length];
            for (int i = 0; i < declarations.length; i++) {
                Class<?> type = declarations[i].getDeclarationClass();
                mayBeCollection[i] = type == null || type.isInterface() || type.isAssignableFrom(ArrayList.class)
                        || Collection.class.isAssignableFrom(type);
            }
        }

        static Shape of(TerminalNode node) {
            List<Declaration> recorded = new ArrayList<>();
            for (Declaration declaration : ((AbstractTerminalNode) node).getAllDeclarations()) {
                if (!declaration.getIdentifier().startsWith(GENERATED_DECLARATION)) {
                    recorded.add(declaration);
                }
            }
            return new Shape(recorded);
        }

        Object[] values(RuleTerminalNodeLeftTuple match) {
            Object[] values = new Object[declarations.length];
            for (int i = 0; i < values.length; i++) {
                Object value = declarations[i].getValue(match);
                values[i] = mayBeCollection[i] ? asAtFiring(value) : value;
            }
            return values;
        }
    }

    private final Map<TerminalNode, Shape> shapes;
    private final List<RecordedFiring> firings = new ArrayList<>();
    /** Each firing's match, by firing: only until the justifications are named ({@link #forgetMatches()}). */
    private List<Match> matches = new ArrayList<>();
    private Map<Match, RecordedFiring> latestFiringOfMatch;
    private RecordedFiring current;

    /** {@code shapes}: the rule base's cache of each terminal node's {@link Shape}, shared by its decisions. */
    TraceRecorder(Map<TerminalNode, Shape> shapes) {
        this.shapes = shapes;
    }

    @Override
    public void onBeforeMatchFire(Match fired) {
        RuleTerminalNodeLeftTuple match = (RuleTerminalNodeLeftTuple) fired;
        Shape shape = shapes.get(match.getTerminalNode());
        if (shape == null) {
            shape = shapes.computeIfAbsent(match.getTerminalNode(), Shape::of);
        }
        current = new RecordedFiring(firings.size() + 1, match.getRule().getName(), shape.ids, shape.values(match), objectsOf(match));
        firings.add(current);
        matches.add(match);
    }

    /** The facts of the match's patterns, as {@link Match#getObjects()} gives them, without its two copies. */
    private static Object[] objectsOf(RuleTerminalNodeLeftTuple match) {
        FactHandle[] handles = match.toFactHandles();
        Object[] objects = new Object[handles.length];
        int count = 0;
        for (FactHandle handle : handles) {
            Object object = handle.getObject();
            if (!(object instanceof QueryElementFactHandle)) {
                objects[count++] = asAtFiring(object);
            }
        }
        return count == objects.length ? objects : Arrays.copyOf(objects, count);
    }

    /**
     * A copy of an accumulate's collection (collectList, collectSet): Drools hands out a view of the
     * live collection, which later firings change and a session reset clears, so without the copy a
     * superseded firing would show what was summed at the end instead of what it summed.
     */
    private static Object asAtFiring(Object value) {
        if (value == null || !IS_COLLECTION.get(value.getClass())) {
            return value;
        }
        if (value instanceof Set) {
            return Collections.unmodifiableSet(new LinkedHashSet<>((Set<?>) value));
        }
        return Collections.unmodifiableList(new ArrayList<>((Collection<?>) value));
    }

    @Override
    public void onAfterMatchFire(Match fired) {
        current = null;
    }

    /** The rule whose consequence is running now, or null between firings: the rule to blame when one throws. */
    String firingRule() {
        return current == null ? null : current.rule;
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

    /**
     * Lets go of the session's matches once the justifications are named by firing: the firings
     * outlive the session, which may be reset and reused.
     */
    void forgetMatches() {
        matches = List.of();
        latestFiringOfMatch = null;
    }

    /** The latest firing of a match, or null for a match that never fired. */
    RecordedFiring firingOf(Match match) {
        // A decision fires a few dozen times at most, where a backward scan is cheaper than hashing
        // every match by identity; a long run gets the map.
        if (matches.size() <= SCANNED_FIRINGS) {
            for (int i = matches.size() - 1; i >= 0; i--) {
                if (matches.get(i) == match) {
                    return firings.get(i);
                }
            }
            return null;
        }
        if (latestFiringOfMatch == null) {
            latestFiringOfMatch = new IdentityHashMap<>(matches.size() * 2);
            for (int i = 0; i < matches.size(); i++) {
                latestFiringOfMatch.put(matches.get(i), firings.get(i));
            }
        }
        return latestFiringOfMatch.get(match);
    }
}
