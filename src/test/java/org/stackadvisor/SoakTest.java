package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Several threads share one advisor and decide random valid and invalid projects for a bounded
 * time, in rounds: no exception escapes, every result equals the one computed alone beforehand,
 * and the heap after a full collection does not grow from the early rounds to the late ones.
 * {@code -Dsoak.seconds=N} runs longer (default 24), {@code -Dsoak.threads=T} sets the threads (default 4).
 */
class SoakTest {
    private static final int ROUNDS = 8;
    private static final long MEGABYTE = 1024 * 1024;

    @Test
    void whenThreadsDecideForAWhile_thenResultsStayTheSameAndTheHeapDoesNotGrow() throws Exception {
        long seconds = Long.getLong("soak.seconds", 24);
        int threads = Integer.getInteger("soak.threads", 4);
        StackAdvisor advisor = StackAdvisor.bundled();
        Random random = new Random(Long.getLong("soak.seed", 20_260_101L));
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String valid = FactsDocuments.randomValid(random);
            documents.add(i % 3 == 2 ? FactsDocuments.randomlyMutated(valid, random) : valid);
        }
        List<String> expected = documents.stream().map(document -> outcome(advisor, document)).collect(Collectors.toList());
        assertThat(expected).as("some decide, some are rejected")
                .anyMatch(result -> result.startsWith("{")).anyMatch(result -> result.startsWith("rejected"));

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong decisions = new AtomicLong();
        List<Long> heapAfterRound = new ArrayList<>();
        long roundNanos = TimeUnit.SECONDS.toNanos(seconds) / ROUNDS;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long end = System.nanoTime() + roundNanos;
                List<Future<?>> workers = new ArrayList<>();
                for (int thread = 0; thread < threads; thread++) {
                    Random order = new Random(round * 1_000L + thread);
                    workers.add(pool.submit(() -> {
                        while (System.nanoTime() < end && failures.isEmpty()) {
                            int pick = order.nextInt(documents.size());
                            String result;
                            try {
                                result = outcome(advisor, documents.get(pick));
                            } catch (RuntimeException | Error e) {
                                failures.add("document " + pick + " threw " + e);
                                return;
                            }
                            if (!result.equals(expected.get(pick))) {
                                failures.add("document " + pick + " gave another result under load:\n" + result);
                            }
                            decisions.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
                heapAfterRound.add(usedHeapAfterGc());
            }
        } finally {
            pool.shutdownNow();
            System.out.printf("soak: %d decisions on %d threads in %d s, %d failures, used heap after GC per round (MB): %s%n",
                    decisions.get(), threads, seconds, failures.size(),
                    heapAfterRound.stream().map(bytes -> String.valueOf(bytes / MEGABYTE)).collect(Collectors.joining(", ")));
        }
        assertThat(failures).isEmpty();
        assertThat(decisions.get()).isGreaterThan(ROUNDS * threads);
        long early = Collections.min(heapAfterRound.subList(1, 3));
        long late = Collections.min(heapAfterRound.subList(ROUNDS - 2, ROUNDS));
        assertThat(late).as("used heap after GC, late rounds against early rounds (%d MB)", early / MEGABYTE)
                .isLessThan(early + early / 2 + 32 * MEGABYTE);
    }

    private static String outcome(StackAdvisor advisor, String document) {
        try {
            return advisor.decide(Project.parse(document, "soak.json")).toJson();
        } catch (InvalidFactsException e) {
            return "rejected " + e.getMessage();
        }
    }

    /** Used heap after full collections; the smallest of three readings shrugs off a collection cut short. */
    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
