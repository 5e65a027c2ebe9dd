package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stackadvisor.authoring.Scenario;

/**
 * The same rule base and the same facts give byte-identical decision JSON: whatever the order
 * of lists and keys in the facts, however often, in whichever thread, with a freshly compiled
 * copy of the rule base. (Two separate JVMs: {@code cli.DeterminismIT}.)
 */
class DeterminismTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> examples() {
        return Scenario.discover(Path.of("facts")).stream().map(Scenario::factsFile).collect(Collectors.toList());
    }

    @TestFactory
    Stream<DynamicTest> whenListsAndKeysComeInAnotherOrder_thenTheDecisionIsByteIdentical() {
        return examples().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            // given an example and the same facts shuffled five ways, lists and keys alike, with a repeated term
            String expected = ADVISOR.decide(file).toJson();
            @SuppressWarnings("unchecked")
            Map<String, Object> facts = JSON.readValue(file.toFile(), Map.class);
            for (int seed = 1; seed <= 5; seed++) {
                Object shuffled = shuffle(facts, new Random(seed));
                // when the shuffled facts are decided; then the JSON is the same, bytes and hashes alike
                Decision decision = ADVISOR.decide(Project.parse(JSON.writeValueAsString(shuffled)));
                assertThat(decision.toJson()).as("seed " + seed).isEqualTo(expected);
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static Object shuffle(Object value, Random random) {
        if (value instanceof Map) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) value).entrySet());
            Collections.shuffle(entries, random);
            Map<String, Object> map = new LinkedHashMap<>();
            entries.forEach(entry -> map.put(entry.getKey(), shuffle(entry.getValue(), random)));
            return map;
        }
        if (value instanceof List) {
            List<Object> list = new ArrayList<>((List<Object>) value);
            if (!list.isEmpty()) {
                list.add(list.get(random.nextInt(list.size())));
            }
            Collections.shuffle(list, random);
            return list;
        }
        return value;
    }

    @Test
    void whenTheSameFactsAreDecidedRepeatedlyAndWithAFreshlyCompiledRuleBase_thenTheJsonNeverChanges() {
        StackAdvisor recompiled = StackAdvisor.fromDirectory(Path.of("rules"));
        for (Path file : examples()) {
            String first = ADVISOR.decide(file).toJson();
            for (int run = 0; run < 3; run++) {
                assertThat(ADVISOR.decide(file).toJson()).as(file + " run " + run).isEqualTo(first);
            }
            String fromFolder = recompiled.decide(file).toJson();
            assertThat(fromFolder).as(file + " from rules/").isEqualTo(first);
        }
    }

    @Test
    void whenSeveralThreadsDecideAtOnce_thenEachGetsTheSameBytesAsOneThread() throws Exception {
        Map<Path, String> expected = new LinkedHashMap<>();
        examples().forEach(file -> expected.put(file, ADVISOR.decide(file).toJson()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String[]>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Path file : expected.keySet()) {
                    results.add(pool.submit(() -> new String[] {file.toString(), ADVISOR.decide(file).toJson()}));
                }
            }
            for (Future<String[]> result : results) {
                String[] decided = result.get();
                assertThat(decided[1]).as(decided[0]).isEqualTo(expected.get(Path.of(decided[0])));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void whenSeveralThreadsReadOneFreshDecisionAtOnce_thenTheyShareOneTraceWithTheBytesOfAnUnsharedOne() throws Exception {
        // given decisions whose conclusions and proofs nobody has read yet (they are built on first read)
        Map<Path, String> expected = new LinkedHashMap<>();
        examples().forEach(file -> expected.put(file, ADVISOR.decide(file).toJson()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Path file : expected.keySet()) {
                Decision fresh = ADVISOR.decide(file);
                // when four threads read its trace at the same moment
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object[]>> reads = new ArrayList<>();
                for (int reader = 0; reader < 4; reader++) {
                    reads.add(pool.submit(() -> {
                        start.await();
                        return new Object[] {fresh.conclusions(), fresh.firings(), fresh.toJson()};
                    }));
                }
                start.countDown();
                // then every thread sees the very same conclusions and firings, and the bytes of a decision read alone
                Object[] first = reads.get(0).get();
                for (Future<Object[]> read : reads) {
                    Object[] seen = read.get();
                    assertThat(seen[0]).as(file + " conclusions").isSameAs(first[0]);
                    assertThat(seen[1]).as(file + " firings").isSameAs(first[1]);
                    assertThat(seen[2]).as(file.toString()).isEqualTo(expected.get(file));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void whenADecisionIsWritten_thenItHoldsNoTimeNoIdentityHashAndFiringsAreNumberedInOrder() {
        Decision decision = ADVISOR.decide(Path.of("facts/live-chat.json"));
        String json = decision.toJson();
        assertThat(json).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:").doesNotContainPattern("@[0-9a-f]{4,}");
        for (int i = 0; i < decision.firings().size(); i++) {
            assertThat(decision.firings().get(i).seq()).isEqualTo(i + 1);
        }
    }
}
