package org.stackadvisor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.Decision;
import org.stackadvisor.Firing;
import org.stackadvisor.RulesCopy;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.Access;

class RuleOrderTest {
    private static final StackAdvisor BUNDLED = StackAdvisor.bundled();
    private static final String SCORING = "Each candidate scores one vote per claim of the article that supports it";

    @TempDir
    Path folder;

    @Test
    void whenStagesAreWrittenLastFirst_thenRulesAreOrderedByTheFactsTheyDerive() {
        // given a decision file, a scoring file, an evidence file and a classification file, whose
        // paths sort them in the reverse of the order in which their facts flow
        List<RuleSource> rules = new ArrayList<>();
        rules.addAll(RuleSource.scan("a-decision.drl", rule("Decide", "Score( total > 1 )", "Verdict(\"x\")")));
        rules.addAll(RuleSource.scan("b-scoring.drl",
                rule("Sum", "$weights : ClaimWeights()\n    Candidate( $id : id )\n    accumulate( $e : Evidence( candidate == $id ); $summed : collectList( $e ) )",
                        "Score($id, $weights.total($summed))")));
        rules.addAll(RuleSource.scan("c-evidence.drl", rule("Weigh", "Characteristic( name == \"Evidence(\" )", "Evidence(\"x\", \"C-1\", \"y\")")
                + rule("Weigh input", "Term( field == \"traits\" )", "Evidence(\"x\", \"C-2\", \"z\")")));
        rules.addAll(RuleSource.scan("d-classification.drl", rule("Classify", "Term( field == \"traits\" )", "Characteristic(\"c\")")));

        // when they are ordered
        List<String> order = RuleOrder.of(rules);

        // then every rule comes after the rules that derive what it reads; the rest keep their place
        assertThat(order).containsExactly("Weigh input", "Classify", "Weigh", "Sum", "Decide");
    }

    @Test
    void whenRulesDeriveEachOthersFacts_thenTheCycleKeepsTheOrderOfItsFiles() {
        // given two rules that each read what the other derives, and a rule reading both
        List<RuleSource> rules = new ArrayList<>();
        rules.addAll(RuleSource.scan("a.drl", rule("Reads both", "Left( )\n    Right( )", "Verdict(\"x\")")));
        rules.addAll(RuleSource.scan("b.drl", rule("Left from right", "Right( )", "Left()")));
        rules.addAll(RuleSource.scan("c.drl", rule("Right from left", "Left( )", "Right()")));

        // when they are ordered; then the cycle is broken at its first rule by place, and the reader comes last
        assertThat(RuleOrder.of(rules)).containsExactly("Left from right", "Right from left", "Reads both");
    }

    @Test
    void whenTheBundledExamplesAreDecided_thenEachScoreIsSummedOnceAfterAllItsEvidence() throws IOException {
        // given every example of facts/
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            examples = files.filter(path -> path.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        assertThat(examples).hasSizeGreaterThan(10);
        for (Path example : examples) {
            // when it is decided
            Decision decision = BUNDLED.decide(example);

            // then the scoring rule fires once per candidate, and nothing is superseded
            List<Firing> firings = decision.firings();
            assertThat(firings.stream().filter(firing -> firing.rule().equals(SCORING)))
                    .as(example.toString()).hasSize(BUNDLED.candidates().size());
            assertThat(firings).as(example.toString()).noneMatch(Firing::superseded);
        }
    }

    @Test
    void whenTheRulesAreCompiledFromDrl_thenTheyFireInTheSameOrderAsThePrecompiledOnes() throws IOException {
        // given the bundled rules compiled now, and the build's executable model of them
        StackAdvisor compiled = StackAdvisor.fromDirectory(RulesCopy.into(folder));
        assertThat(Access.root().ruleBase(BUNDLED).precompiled).isTrue();

        // when an example is decided by both; then the traces are the same, firing for firing
        Path example = Path.of("facts/live-chat.json");
        assertThat(compiled.decide(example).toJson()).isEqualTo(BUNDLED.decide(example).toJson());
    }

    @Test
    void whenEvidenceArrivesAfterAScoreWasSummed_thenTheSupersededFiringShowsWhatItSummedThen() throws IOException {
        // given rules in which a score itself yields evidence, so that a score is summed again
        // (LC-3 leans to Python, is weighed in the manifest and is not otherwise supported by live chat)
        Path rules = RulesCopy.into(folder);
        Files.writeString(rules.resolve("scoring.drl"), Files.readString(rules.resolve("scoring.drl"))
                + rule("A Node.js score adds Python evidence", "Score( candidate == \"nodejs\", total > 0 )",
                        "Evidence(\"python\", \"LC-3\", \"a point for Python whenever Node.js scores\")"));
        StackAdvisor advisor = StackAdvisor.fromDirectory(rules);

        // when a project with a Node.js score is decided
        Decision decision = advisor.decide(Path.of("facts/live-chat.json"));

        // then every scoring firing, the superseded one too, lists exactly the evidence it summed:
        // its score is one vote per signal (claims that restate one another vote once, at the
        // strongest weight), computed here from the manifest, independently of ClaimWeights
        Map<String, String> signals = new HashMap<>();
        for (JsonNode claim : new ObjectMapper().readTree(rules.resolve("manifest.json").toFile()).get("claims")) {
            signals.put(claim.get("id").asText(), claim.has("restates") ? claim.get("restates").asText() : claim.get("id").asText());
        }
        List<Firing> scorings = decision.firings().stream()
                .filter(firing -> firing.rule().equals(SCORING)).collect(Collectors.toList());
        assertThat(scorings).anyMatch(Firing::superseded);
        assertThat(scorings).filteredOn(Firing::superseded).anySatisfy(superseded -> assertThat(superseded.matched().get("$candidate")).isEqualTo("python"));
        for (Firing scoring : scorings) {
            List<?> summed = (List<?>) scoring.matched().get("$summed");
            Map<String, Integer> votes = new HashMap<>();
            for (Object each : summed) {
                Map<?, ?> evidence = (Map<?, ?>) each;
                assertThat(evidence.get("candidate")).isEqualTo(scoring.matched().get("$candidate"));
                votes.merge(signals.get((String) evidence.get("claim")), ((Number) evidence.get("weight")).intValue(), Math::max);
            }
            int total = votes.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(scoring.inserted()).as("firing #" + scoring.seq())
                    .singleElement().satisfies(score -> assertThat(((Number) score.get("total")).intValue()).isEqualTo(total));
        }
    }

    /** A rule citing LC-3, the claim the evidence of these tests names, so that it passes verify's gate. */
    private static String rule(String name, String when, String derived) {
        return "rule \"" + name + "\"\n    @section(\"Learning curve\") @claims(\"LC-3\")\nwhen\n    " + when + "\nthen\n    insertLogical(new " + derived + ");\nend\n";
    }
}
