package org.stackadvisor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.runtime.KieSession;
import org.stackadvisor.InvalidRuleBaseException;
import org.stackadvisor.RulesCopy;
import org.stackadvisor.RunawayRules;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.facts.Term;

class SessionPoolTest {
    private static final Path LIVE_CHAT = Path.of("facts/live-chat.json");
    private static final Path ML_FRAUD = Path.of("facts/ml-fraud-detection.json");

    @Test
    void whenADecisionRunsOnAReusedSession_thenItIsByteIdenticalToOneOnANewSession() {
        // given a fresh advisor: its first decision runs on a new session
        StackAdvisor advisor = StackAdvisor.fromDirectory(RulesCopy.into(freshFolder()));
        String first = advisor.decide(LIVE_CHAT).toJson();
        assertThat(Access.root().ruleBase(advisor).sessions.idle()).isEqualTo(1);

        // when other projects are decided on that session, and then the first one again
        String other = advisor.decide(ML_FRAUD).toJson();
        String again = advisor.decide(LIVE_CHAT).toJson();

        // then nothing of the earlier decisions leaks into the later ones
        assertThat(again).isEqualTo(first);
        assertThat(other).isEqualTo(StackAdvisor.fromDirectory(RulesCopy.into(freshFolder())).decide(ML_FRAUD).toJson());
        assertThat(Access.root().ruleBase(advisor).sessions.idle()).isEqualTo(1);
    }

    @Test
    void whenADecisionFails_thenItsSessionIsNotKept() {
        // given rules that never settle
        StackAdvisor advisor = StackAdvisor.fromDirectory(RunawayRules.FIXTURE);

        // when a decision stops at the firing limit
        InvalidRuleBaseException failure = catchThrowableOfType(() -> advisor.decide(LIVE_CHAT), InvalidRuleBaseException.class);

        // then the session it left half-fired is disposed, not reused
        assertThat(failure).isNotNull();
        assertThat(Access.root().ruleBase(advisor).sessions.idle()).isZero();
    }

    @Test
    void whenManyThreadsDecideAtOnce_thenEachGetsItsOwnSessionAndFewAreKept() throws Exception {
        // given a fresh advisor and the expected decisions
        StackAdvisor advisor = StackAdvisor.fromDirectory(RulesCopy.into(freshFolder()));
        String liveChat = advisor.decide(LIVE_CHAT).toJson();
        String mlFraud = advisor.decide(ML_FRAUD).toJson();

        // when 32 threads decide both projects over and over
        ExecutorService threads = Executors.newFixedThreadPool(32);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int thread = 0; thread < 32; thread++) {
                results.add(threads.submit(() -> {
                    boolean same = true;
                    for (int i = 0; i < 20; i++) {
                        same &= advisor.decide(LIVE_CHAT).toJson().equals(liveChat);
                        same &= advisor.decide(ML_FRAUD).toJson().equals(mlFraud);
                    }
                    return same;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }

        // then every decision was right, and no more sessions wait than the pool keeps
        assertThat(Access.root().ruleBase(advisor).sessions.idle()).isBetween(1, SessionPool.MAX_IDLE);
    }

    @Test
    void whenTheRuleBaseIsLarge_thenSessionsAreDisposedRatherThanReset() {
        // given a pool for a rule base above the size where reuse pays
        SessionPool pool = new SessionPool(Access.root().ruleBase(StackAdvisor.bundled()).kieBase, SessionPool.MAX_POOLED_RULES + 1);
        KieSession session = pool.take();
        session.insert(new Term("traits", "real-time"));
        session.fireAllRules();

        // when the session is given back; then it is not kept
        pool.giveBack(session, true);
        assertThat(pool.idle()).isZero();
        assertThat(pool.take()).isNotSameAs(session);
    }

    @TempDir
    Path folder;
    private int copies;

    /** A folder for another copy of the bundled rules: each copy compiles to its own rule base and pool. */
    private Path freshFolder() {
        return folder.resolve("copy-" + copies++);
    }
}
