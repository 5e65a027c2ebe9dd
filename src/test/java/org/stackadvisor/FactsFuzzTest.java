package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Generates valid facts documents from the vocabulary and mutates them: every document either
 * decides or is rejected with {@link InvalidFactsException}, and deciding it again gives the
 * same result. A failure names the seed and the smallest failing document QuickTheories finds.
 *
 * <p>{@code -Dfuzz.documents=N} sets the count (default 100,000); the seed is fixed, so every run
 * checks the same documents, unless {@code -Dfuzz.seed=S} replays another run or
 * {@code -Dfuzz.seed=random} draws a new one; {@code -Dfuzz.threads=T} spreads the documents over
 * T threads (default 2), each with its own seed.
 */
class FactsFuzzTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();
    /** Every this many documents, the whole decision JSON is compared, not only its fingerprint. */
    private static final int FULL_JSON_EVERY = 16;

    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong decided = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong crashes = new AtomicLong();

    @Test
    void whenDocumentsAreGeneratedAndMutated_thenEachDecidesOrIsRejectedTheSameWayEveryTime() throws Exception {
        int count = Integer.getInteger("fuzz.documents", 100_000);
        int threads = Integer.getInteger("fuzz.threads", 2);
        long seed = FactsDocuments.seed("fuzz.seed", 20_261_126L);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                long threadSeed = seed + thread;
                int examples = count / threads + 1;
                runs.add(pool.submit(() -> fuzz(threadSeed, examples)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        } finally {
            pool.shutdownNow();
            System.out.printf("facts fuzz: %d documents (seed %d, %d threads): %d decided, %d rejected as invalid facts, %d crashes, in %d s%n",
                    documents.get(), seed, threads, decided.get(), rejected.get(), crashes.get(), (System.nanoTime() - start) / 1_000_000_000);
        }
        assertThat(crashes.get()).isZero();
        assertThat(documents.get()).isGreaterThanOrEqualTo(count);
        assertThat(decided.get()).as("documents that decided").isPositive();
        assertThat(rejected.get()).as("documents that were rejected").isPositive();
    }

    private void fuzz(long seed, int examples) {
        qt().withFixedSeed(seed).withExamples(examples).withShrinkCycles(200)
                .forAll(FactsDocuments.mutated())
                .checkAssert(document -> {
                    boolean fullJson = documents.incrementAndGet() % FULL_JSON_EVERY == 0;
                    String first = outcome(document, fullJson, true);
                    assertThat(outcome(document, fullJson, false)).as("the same document decided again").isEqualTo(first);
                });
    }

    /**
     * What deciding the document gave: the decision (its JSON, or a fingerprint of verdict, scores,
     * input hash, fired rules and conclusions) or the problems. Any other exception is a crash.
     */
    private String outcome(String document, boolean fullJson, boolean count) {
        try {
            Decision decision = ADVISOR.decide(Project.parse(document, "fuzz.json"));
            if (count) {
                decided.incrementAndGet();
            }
            return fullJson ? decision.toJson() : decision.verdict() + " " + decision.scores() + " " + decision.inputSha256()
                    + " " + decision.firedRules() + " " + decision.conclusions().stream()
                            .map(conclusion -> conclusion.kind() + ":" + conclusion.text() + ":" + conclusion.rules() + ":" + conclusion.firings())
                            .collect(Collectors.joining("|"));
        } catch (InvalidFactsException e) {
            if (count) {
                rejected.incrementAndGet();
            }
            assertThat(e.problems()).as("problems of a rejected document").isNotEmpty();
            return e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        } catch (RuntimeException | Error e) {
            crashes.incrementAndGet();
            throw e;
        }
    }
}
