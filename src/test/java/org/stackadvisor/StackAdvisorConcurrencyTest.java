package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stackadvisor.authoring.Scenario;
import org.stackadvisor.internal.json.Hashing;

/**
 * One advisor shared by 8 threads decides the examples round robin and gives exactly the
 * decisions a sequential run gives. The default run makes 250 decisions per thread (2,000 in all,
 * a few seconds on 2 cores); the full size, 10,000 per thread, runs with
 * {@code mvn -o test -Dtest=StackAdvisorConcurrencyTest -Dstackadvisor.concurrency.decisionsPerThread=10000}.
 */
class StackAdvisorConcurrencyTest {
    private static final int THREADS = 8;
    private static final int DECISIONS_PER_THREAD = Integer.getInteger("stackadvisor.concurrency.decisionsPerThread", 250);

    @Test
    void whenEightThreadsShareOneAdvisor_thenEveryDecisionEqualsTheSequentialOne() throws Exception {
        // given one advisor, the examples, and what a sequential run decides for each
        StackAdvisor advisor = StackAdvisor.bundled();
        List<Project> projects = Scenario.discover(Path.of("facts")).stream()
                .map(scenario -> Project.read(scenario.factsFile())).collect(Collectors.toList());
        List<String> sequential = new ArrayList<>();
        for (Project project : projects) {
            sequential.add(identity(advisor.decide(project)));
        }

        // when 8 threads decide them round robin, all at once
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> differences = new ConcurrentLinkedQueue<>();
        AtomicLong decided = new AtomicLong();
        List<Future<?>> threads = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int offset = thread;
            threads.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < DECISIONS_PER_THREAD; i++) {
                    int input = (offset + i) % projects.size();
                    String identity = identity(advisor.decide(projects.get(input)));
                    if (!identity.equals(sequential.get(input)) && differences.size() < 10) {
                        differences.add(projects.get(input).name() + ": " + identity + " but sequentially " + sequential.get(input));
                    }
                    decided.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).as("the threads finish").isTrue();

        // then none threw, all decided, and every decision equals the sequential one
        for (Future<?> thread : threads) {
            thread.get();
        }
        assertThat(decided.get()).isEqualTo((long) THREADS * DECISIONS_PER_THREAD);
        assertThat(differences).isEmpty();
    }

    private static String identity(Decision decision) {
        return decision.verdict() + " " + Hashing.sha256(decision.toJson().getBytes(StandardCharsets.UTF_8));
    }
}
