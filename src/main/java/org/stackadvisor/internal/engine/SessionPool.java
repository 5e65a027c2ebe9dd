package org.stackadvisor.internal.engine;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Sessions of one knowledge base, reset and kept for the next decision instead of disposed: a
 * new session sets up the memory of every rule it touches again, which for a small rule base was
 * about a tenth of a raw decision. A reset visits the memory slot of every node of the knowledge
 * base, though, so above {@link #MAX_POOLED_RULES} rules a new session is the cheaper one and
 * nothing is kept. At most {@link #MAX_IDLE} sessions wait at a time; a session whose decision
 * failed is never reused.
 *
 * <p>Resetting uses Drools' internal session class, as Drools' own session pool does; a Drools
 * upgrade that changes it breaks here and in {@code SessionPoolTest}.
 */
public final class SessionPool {
    /**
     * Measured with raw decisions on generated rule bases (SessionReuseComparison in src/bench, figures in BENCHMARKS.md): reuse
     * was 12 % cheaper at the 55 bundled rules and 9 % at 1,000, about even at 2,000, and dearer
     * from 5,000 on (33 % at 10,000).
     */
    public static final int MAX_POOLED_RULES = 1_000;
    /**
     * Enough for the threads of a busy server to find one each; more would only hold memory (a
     * reset session keeps the memories of every rule it touched), so never more than 32.
     */
    static final int MAX_IDLE = Math.min(32, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));

    private final KieBase kieBase;
    private final boolean pooling;
    private final ConcurrentLinkedDeque<KieSession> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    public SessionPool(KieBase kieBase, int rules) {
        this.kieBase = kieBase;
        this.pooling = rules <= MAX_POOLED_RULES;
    }

    /** A session with no facts and no listeners: a reset one when one waits, else a new one. */
    public KieSession take() {
        KieSession session = idle.pollFirst();
        if (session == null) {
            return kieBase.newKieSession();
        }
        idleCount.decrementAndGet();
        return session;
    }

    /**
     * Ends a decision's use of a session: when {@code reusable}, it is reset (facts, agenda, memories
     * and listeners cleared) and kept while fewer than {@link #MAX_IDLE} wait; otherwise disposed.
     */
    public void giveBack(KieSession session, boolean reusable) {
        if (!reusable || !pooling || !(session instanceof StatefulKnowledgeSessionImpl)) {
            session.dispose();
            return;
        }
        if (idleCount.incrementAndGet() > MAX_IDLE) {
            idleCount.decrementAndGet();
            session.dispose();
            return;
        }
        try {
            ((StatefulKnowledgeSessionImpl) session).reset();
        } catch (RuntimeException e) {
            idleCount.decrementAndGet();
            session.dispose();
            return;
        }
        idle.offerFirst(session);
    }

    /** How many sessions wait to be reused. */
    int idle() {
        return idleCount.get();
    }
}
