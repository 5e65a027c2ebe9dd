package org.stackadvisor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.audit.Replay;
import org.stackadvisor.authoring.Scenario;
import org.stackadvisor.internal.Access;

/**
 * The bundled rule base, precompiled by the build into Drools' executable model
 * (BundledRuleBasePrecompiler, run by Maven before the tests), decides exactly as the same rules
 * compiled from DRL at run time, and is never used for rule files other than those it was made
 * from.
 */
class PrecompiledRuleBaseTest {
    private static final RuleBase PRECOMPILED_RULES = RuleBase.precompiled(RuleBaseFiles.bundled())
            .orElseThrow(() -> new AssertionError("no current precompiled rule base; `mvn process-test-classes` makes it"));
    private static final StackAdvisor PRECOMPILED = Access.root().serving(PRECOMPILED_RULES);
    private static final StackAdvisor COMPILED_NOW = StackAdvisor.fromDirectory(Path.of("rules"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void whenTheBundledAdvisorStarts_thenItServesThePrecompiledRuleBaseExactlyWhenSwitchedOn() {
        // given the build's precompile step (mvn process-test-classes); when the bundled advisor starts
        RuleBase bundled = Access.root().ruleBase(StackAdvisor.bundled());

        // then it loaded the executable model if the switch says so, and the rules folder's advisor compiled DRL
        assertThat(PRECOMPILED_RULES.precompiled).isTrue();
        assertThat(bundled.precompiled).isEqualTo(PrecompiledRuleBase.serving());
        assertThat(Access.root().ruleBase(COMPILED_NOW).precompiled).isFalse();
        assertThat(PRECOMPILED_RULES.sha256).isEqualTo(bundled.sha256).isEqualTo(COMPILED_NOW.knowledgeBaseSha256());
    }

    @Test
    void whenTheSwitchIsOn_thenTheBundledRulesLoadPrecompiledAndWhenOffTheyCompile() {
        // given the bundled rule files; when they are loaded with the switch on, then off
        RuleBase on;
        RuleBase off;
        try {
            System.setProperty(PrecompiledRuleBase.SERVING_PROPERTY, "true");
            on = RuleBase.loadBundled(RuleBaseFiles.bundled());
            System.setProperty(PrecompiledRuleBase.SERVING_PROPERTY, "false");
            off = RuleBase.loadBundled(RuleBaseFiles.bundled());
        } finally {
            System.clearProperty(PrecompiledRuleBase.SERVING_PROPERTY);
        }

        // then the first is the executable model and the second compiled DRL, of the same files
        assertThat(on.precompiled).isTrue();
        assertThat(off.precompiled).isFalse();
        assertThat(on.sha256).isEqualTo(off.sha256);
    }

    static boolean servingByDefault() {
        return PrecompiledRuleBase.SERVING_BY_DEFAULT;
    }

    @TestFactory
    @EnabledIf("servingByDefault")
    Stream<DynamicTest> whenAnExampleIsDecided_thenThePrecompiledAndTheRuntimeCompiledRuleBaseGiveByteIdenticalJson() {
        return examples().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            // given an example; when both rule bases decide it
            String precompiled = PRECOMPILED.decide(file).toJson();
            String compiledNow = COMPILED_NOW.decide(file).toJson();

            // then verdict, scores, firing order, matched facts, proofs, rule hashes and claims are the same bytes
            assertThat(precompiled).isEqualTo(compiledNow);
        }));
    }

    @TestFactory
    Stream<DynamicTest> whenAnExampleIsDecided_thenTheJsonDiffersAtMostInTheGeneratedDeclarationsAndTheOrderOfMatched() {
        return examples().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            // given an example; when both rule bases decide it
            String precompiled = PRECOMPILED.decide(file).toJson();
            String compiledNow = COMPILED_NOW.decide(file).toJson();

            // then, once each firing's matched declarations leave out the executable model's generated
            // ones and are ordered by name (what the trace must do before the switch goes on), the JSON
            // is the same text: verdict, scores, firing order, proofs, rule hashes and claims
            assertThat(withCanonicalMatched(precompiled)).isEqualTo(withCanonicalMatched(compiledNow));
        }));
    }

    @Test
    void whenTheRulesAreListed_thenEachRuleCitesTheSameClaimsSectionFileLineAndHash() {
        // given both rule bases; when their rules are listed
        Map<String, String> precompiled = described(Access.root().ruleBase(PRECOMPILED).rules);
        Map<String, String> compiledNow = described(Access.root().ruleBase(COMPILED_NOW).rules);

        // then every rule, in the same order, says the same, the decision table's rows included
        assertThat(precompiled).hasSize(Access.root().ruleBase(COMPILED_NOW).rules.size()).isNotEmpty();
        assertThat(precompiled).containsExactlyEntriesOf(compiledNow);
        assertThat(precompiled.values()).anyMatch(rule -> rule.contains("library-ecosystems.csv"));
        assertThat(Access.root().ruleBase(PRECOMPILED).fileHashes).isEqualTo(Access.root().ruleBase(COMPILED_NOW).fileHashes);
    }

    @Test
    void whenTheRuleFilesDifferFromThosePrecompiled_thenTheyAreCompiledFromDrlInstead(@TempDir Path folder) throws IOException {
        // given the bundled rule files with one weight changed, so their hash is not the precompiled one
        Path rules = RulesCopy.into(folder);
        Path useCases = rules.resolve("use-cases.drl");
        String drl = Files.readString(useCases, StandardCharsets.UTF_8);
        Files.writeString(useCases, drl + "\n// edited after the build\n", StandardCharsets.UTF_8);
        RuleBaseFiles edited = RuleBaseFiles.fromDirectory(rules);

        // when they are loaded as the bundled rule base would be
        RuleBase loaded;
        System.setProperty(PrecompiledRuleBase.SERVING_PROPERTY, "true");
        try {
            loaded = RuleBase.loadBundled(edited);
        } finally {
            System.clearProperty(PrecompiledRuleBase.SERVING_PROPERTY);
        }

        // then the stale executable model is not used: the edited files were compiled and are the ones named
        assertThat(loaded.precompiled).isFalse();
        assertThat(loaded.sha256).isEqualTo(edited.sha256()).isNotEqualTo(PRECOMPILED.knowledgeBaseSha256());
        assertThat(RuleBase.precompiled(edited)).isEmpty();
    }

    @Test
    void whenTheDescriptorNamesModelClassesThatAreMissing_thenNothingPrecompiledIsUsed() {
        // given a descriptor with the right hash whose model class is not on the class path
        RuleBaseFiles bundled = RuleBaseFiles.bundled();
        Properties descriptor = PrecompiledRuleBase.describe(bundled.sha256(),
                java.util.List.of("org.stackadvisor.rules.NoSuchModel"), Access.root().ruleBase(PRECOMPILED).rules, java.util.List.of());

        // when it is loaded; then the caller is told to compile
        assertThat(PrecompiledRuleBase.load(descriptor, bundled, getClass().getClassLoader())).isEmpty();
    }

    @Test
    void whenASavedDecisionListsMatchedDeclarationsInAnotherOrder_thenItsReplayIsReproduced() throws IOException {
        // given a saved decision whose firings list their matched declarations in reverse order, as
        // another compiler of the same rules may
        ObjectNode saved = (ObjectNode) JSON.readTree(COMPILED_NOW.decide(Path.of("facts/live-chat.json")).toJson());
        int reordered = 0;
        for (JsonNode firing : saved.get("firings")) {
            ObjectNode matched = (ObjectNode) firing.get("matched");
            java.util.List<Map.Entry<String, JsonNode>> entries = new java.util.ArrayList<>();
            matched.fields().forEachRemaining(entries::add);
            if (entries.size() > 1) {
                reordered++;
            }
            java.util.Collections.reverse(entries);
            matched.removeAll();
            entries.forEach(entry -> matched.set(entry.getKey(), entry.getValue()));
        }

        // when it is replayed
        Replay replay = COMPILED_NOW.replay(JSON.writeValueAsString(saved), "reordered.json");

        // then the same firings are found: the order of a rule's declarations is not part of the decision
        assertThat(reordered).isPositive();
        assertThat(replay.differences()).isEmpty();
        assertThat(replay.reproduced()).isTrue();
    }

    private static Stream<Path> examples() {
        return Scenario.discover(Path.of("facts")).stream().map(Scenario::factsFile);
    }

    private static String withCanonicalMatched(String decisionJson) throws IOException {
        JsonNode decision = JSON.readTree(decisionJson);
        for (JsonNode firing : decision.get("firings")) {
            ObjectNode matched = (ObjectNode) firing.get("matched");
            Map<String, JsonNode> byName = new TreeMap<>();
            matched.fields().forEachRemaining(entry -> {
                if (!entry.getKey().startsWith("GENERATED_")) {
                    byName.put(entry.getKey(), entry.getValue());
                }
            });
            matched.removeAll();
            byName.forEach(matched::set);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(decision);
    }

    private static Map<String, String> described(Map<String, RuleInfo> rules) {
        return rules.values().stream().collect(Collectors.toMap(rule -> rule.name,
                rule -> String.join(" | ", rule.section, String.join(",", rule.claims), rule.file,
                        Integer.toString(rule.line), rule.sha256),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
