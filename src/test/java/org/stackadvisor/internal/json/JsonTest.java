package org.stackadvisor.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stackadvisor.Decision;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.authoring.Scenario;
import org.stackadvisor.internal.Access;

/**
 * The direct JSON writer gives the bytes Jackson's data binding gave, compact and pretty, on every
 * example's decision and on values chosen to catch escaping, number and layout differences.
 */
class JsonTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    @TestFactory
    Stream<DynamicTest> whenAnExampleDecisionIsWritten_thenTheBytesAreJacksons() {
        List<Path> files = Scenario.discover(Path.of("facts")).stream().map(Scenario::factsFile).collect(Collectors.toList());
        assertThat(files).hasSizeGreaterThan(10);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            // given the decision of an example, its canonical facts and its proofs
            Decision decision = ADVISOR.decide(file);
            Map<String, Object> tree = Access.root().toMap(decision);
            // when it is written both ways; then the text is the same, compact and pretty
            assertSameAsJackson(tree);
            assertThat(decision.toJson()).isEqualTo(Json.writeWithJackson(tree, true));
            assertThat(decision.toJsonLine()).isEqualTo(Json.writeWithJackson(tree, false));
            assertSameAsJackson(decision.inputFacts());
        }));
    }

    @Test
    void whenTextNeedsEscaping_thenItIsEscapedAsJacksonDoes() {
        // given every control character, quotes, backslashes, slashes, DEL, non-ASCII, emoji and lone surrogates
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c).append('x');
        }
        List<String> texts = List.of("", controls.toString(), "\"quoted\" and \\back\\slash\\", "a/b</script>", "del\u007f",
                "caf\u00e9 na\u00efve \u00ff\u0100", "\u4e2d\u6587 \u0645\u0631\u062d\u0628\u0627", "emoji \ud83d\ude80 pair",
                "lone \ud800 high", "lone \udc00 low", "\u2028\u2029 separators", "\ufeffbom", "tab\tend\n", "\\u0041 not an escape",
                "\"", "\\", "\n");
        for (String text : texts) {
            // when written as a value, a key and inside a list; then Jackson's bytes
            assertSameAsJackson(text);
            assertSameAsJackson(Map.of(text, text));
            assertSameAsJackson(List.of(text, Map.of("k", text)));
        }
    }

    @Test
    void whenNumbersBooleansAndNullsAreWritten_thenTheyAreWrittenAsJacksonDoes() {
        // given numbers of every plain type at their edges
        List<Object> values = Arrays.asList(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
                new BigDecimal("0.10"), new BigDecimal("1E+3"), new BigDecimal("-0.000001"), new BigDecimal("123456789012345678901234567890"),
                new BigInteger("-98765432109876543210"), (short) 7, (byte) -8, 0.5, -0.0, 1e-7, 1e21, Double.MAX_VALUE, 3.25f,
                true, false, null);
        // when each is written alone and all in one list and map; then Jackson's bytes
        for (Object value : values) {
            assertSameAsJackson(value);
        }
        assertSameAsJackson(values);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            map.put("n" + i, values.get(i));
        }
        assertSameAsJackson(map);
    }

    @Test
    void whenContainersAreEmptyOrNested_thenTheLayoutIsJacksons() {
        // given empty and nested maps, lists and sets, with null values and keys in insertion order
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", Map.of());
        map.put("a", List.of());
        map.put("nested", List.of(List.of(), List.of(Map.of()), List.of(List.of(List.of(1)))));
        map.put("nothing", null);
        map.put("set", new LinkedHashSet<>(List.of("b", "a")));
        map.put("sorted", new TreeMap<>(Map.of("y", 1, "x", List.of(true))));
        // when written; then Jackson's bytes, pretty and compact
        assertSameAsJackson(map);
        assertSameAsJackson(List.of(map, map));
        assertSameAsJackson(Map.of());
        assertSameAsJackson(List.of());
    }

    @Test
    void whenWritesFollowOneAnotherOnAThread_thenEachIsWholeAndAlone() {
        // given, in turn, a value beyond Latin-1, one larger than the kept buffer, a small one, one that falls back to Jackson
        List<Object> values = List.of(Map.of("name", "\u4e2d\u6587 \ud83d\ude80"), List.of("x".repeat(600_000), "y".repeat(600_000)),
                Map.of("name", "plain"), Map.of("kind", Thread.State.NEW), List.of(1, 2));
        // when they are written one after another, twice over; then each is Jackson's, nothing left over from the one before
        for (int pass = 0; pass < 2; pass++) {
            for (Object value : values) {
                assertSameAsJackson(value);
            }
        }
    }

    @Test
    void whenAValueIsNotPlain_thenJacksonWritesIt() {
        // given values the direct writer does not know: an enum, a character, an array, a non-text key, NaN
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", Thread.State.NEW);
        map.put("char", 'c');
        map.put("array", new int[] {1, 2});
        map.put("keys", Map.of(1, "one"));
        map.put("nan", Double.NaN);
        // when written; then the output is Jackson's, the plain parts included
        assertSameAsJackson(map);
        assertThat(Json.write(map, false)).contains("\"kind\":\"NEW\"", "\"char\":\"c\"", "\"array\":[1,2]", "\"nan\":\"NaN\"");
    }

    @Test
    void whenRandomTreesAreWritten_thenTheBytesAreJacksons() {
        // given a thousand random trees of maps, lists, texts from a wide character range, numbers and booleans
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            // when each is written; then Jackson's bytes
            assertSameAsJackson(randomValue(random, 0));
        }
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 5 : 8);
        switch (kind) {
            case 0:
                return randomText(random);
            case 1:
                return random.nextInt();
            case 2:
                return new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(20) - 10);
            case 3:
                return random.nextBoolean();
            case 4:
                return random.nextInt(10) == 0 ? null : random.nextLong();
            case 5:
            case 6: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(randomText(random), randomValue(random, depth + 1));
                }
                return map;
            }
            default: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int range = random.nextInt(4);
            text.append((char) (range == 0 ? random.nextInt(0x30) : range == 1 ? 0x20 + random.nextInt(0x60)
                    : range == 2 ? 0x80 + random.nextInt(0x800) : random.nextInt(0x10000)));
        }
        return text.toString();
    }

    @Test
    void whenOneSharedObjectAppearsAtSeveralDepths_thenEachCopyIsWrittenAsJacksonWritesIt() {
        // given a shared object (with a shared object inside) in several places and at several depths
        Json.Shared fact = new Json.Shared(new LinkedHashMap<>(Map.of("type", "Term")));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("fact", fact);
        inner.put("note", "tab\there");
        Json.Shared proof = new Json.Shared(inner);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("first", proof);
        document.put("again", List.of(proof, List.of(proof, fact)));
        document.put("fact", fact);

        // when it is written, pretty and compact; then every copy is as Jackson writes it
        assertSameAsJackson(document);
        assertSameAsJackson(List.of(document, document));
    }

    private static void assertSameAsJackson(Object value) {
        assertThat(Json.write(value, true)).isEqualTo(Json.writeWithJackson(value, true));
        assertThat(Json.write(value, false)).isEqualTo(Json.writeWithJackson(value, false));
    }
}
