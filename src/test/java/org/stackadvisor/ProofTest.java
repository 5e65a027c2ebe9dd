package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.authoring.Scenario;

/** Every conclusion's proof reaches the input facts and names every firing that derived it. */
class ProofTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    @TempDir
    Path folder;

    @TestFactory
    Stream<DynamicTest> whenEachExampleIsDecided_thenEveryConclusionsProofReachesInputsThroughItsFirings() {
        return Scenario.discover(Path.of("facts")).stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            // given an example; when it is decided
            Decision decision = ADVISOR.decide(scenario.factsFile());
            // then each conclusion's proof starts with exactly the firings that derived it and ends in input facts
            for (Conclusion conclusion : decision.conclusions()) {
                Proof proof = conclusion.proof();
                assertThat(proof.input()).as(conclusion.text()).isFalse();
                assertThat(proof.derivations().stream().map(Proof.Derivation::firing).collect(Collectors.toList()))
                        .as("the firings that derived: " + conclusion.text()).isEqualTo(conclusion.firings());
                assertThat(proof.firings()).as(conclusion.text()).containsAll(conclusion.firings());
                assertThat(proof.reachesInputs()).as("proof of " + conclusion.text() + ":\n" + proof.toJson()).isTrue();
                assertThat(proof.inputs()).as(conclusion.text()).isNotEmpty();
                walk(proof, decision);
            }
        }));
    }

    /** Each derived node: every derivation is a firing the decision rests on, by a rule that cites claims. */
    private static void walk(Proof proof, Decision decision) {
        if (proof.input()) {
            assertThat(proof.type()).isIn("Term", "Candidate", "DecisionMargin", "ClaimWeights", "CatalogueEntry", "Absence");
            assertThat(proof.derivations()).isEmpty();
            return;
        }
        assertThat(proof.cycle()).isFalse();
        assertThat(proof.derivations()).as(proof.describe()).isNotEmpty();
        for (Proof.Derivation derivation : proof.derivations()) {
            Firing firing = decision.firings().get(derivation.firing() - 1);
            assertThat(firing.seq()).isEqualTo(derivation.firing());
            assertThat(firing.rule()).isEqualTo(derivation.rule());
            assertThat(firing.superseded()).as(derivation.toString()).isFalse();
            assertThat(derivation.claims()).isEqualTo(firing.claims()).isNotEmpty();
            assertThat(derivation.premises()).as(derivation.toString()).isNotEmpty();
            derivation.premises().forEach(premise -> walk(premise, decision));
        }
    }

    @TestFactory
    Stream<DynamicTest> whenEachExampleIsDecided_thenEachScoresProofListsTheEvidenceItSummed() throws IOException {
        // the signal each claim votes in, read from the manifest: a claim that restates another votes with it
        Map<String, String> signals = new HashMap<>();
        for (JsonNode claim : new ObjectMapper().readTree(Path.of("rules", "manifest.json").toFile()).get("claims")) {
            String id = claim.get("id").asText();
            signals.put(id, claim.has("restates") ? claim.get("restates").asText() : id);
        }
        return Scenario.discover(Path.of("facts")).stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            Decision decision = ADVISOR.decide(scenario.factsFile());
            for (Conclusion score : decision.conclusions(Conclusion.SCORE)) {
                assertThat(score.proof().derivations()).hasSize(1);
                List<Proof> premises = score.proof().derivations().get(0).premises();
                List<Proof> evidence = premises.stream().filter(premise -> premise.type().equals("Evidence")).collect(Collectors.toList());
                // one vote per signal, worth the strongest weight among its claims
                Map<String, Integer> votes = new HashMap<>();
                for (Proof premise : evidence) {
                    votes.merge(signals.get((String) premise.fact().get("claim")), ((Number) premise.fact().get("weight")).intValue(), Math::max);
                }
                assertThat(votes.values().stream().mapToInt(Integer::intValue).sum()).as(score.text()).isEqualTo(score.points());
                assertThat(evidence).allSatisfy(premise -> assertThat(premise.fact().get("candidate")).isEqualTo(score.candidate()));
                assertThat(evidence).extracting(premise -> premise.fact().get("claim")).doesNotHaveDuplicates();
                long recommendations = decision.conclusions(Conclusion.RECOMMENDATION).stream()
                        .filter(recommendation -> recommendation.candidate().equals(score.candidate())).count();
                assertThat(votes).hasSize((int) recommendations);
                assertThat(premises).extracting(Proof::describe).anySatisfy(premise -> assertThat(premise).startsWith("ClaimWeights("))
                        .anySatisfy(premise -> assertThat(premise).startsWith("Candidate(id=" + score.candidate()));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> whenADecisiveVerdictIsProved_thenItsProofNamesEveryRivalsScoreAndTheMarginItWasMeasuredAgainst() {
        return Scenario.discover(Path.of("facts")).stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            Decision decision = ADVISOR.decide(scenario.factsFile());
            if (decision.verdict().equals(Decision.EITHER)) {
                return;
            }
            Proof.Derivation leads = decision.proof().derivations().get(0);
            List<String> premises = leads.premises().stream().map(Proof::describe).collect(Collectors.toList());
            for (Map.Entry<String, Integer> score : decision.scores().entrySet()) {
                assertThat(premises).as(scenario.name()).contains("Score(candidate=" + score.getKey() + ", total=" + score.getValue() + ")");
            }
            assertThat(premises).contains("DecisionMargin(points=2)",
                    "Absence(condition=not Score( candidate != $candidate, total > $total - $margin ))");
        }));
    }

    @Test
    void whenIoBoundWorkCountsForNodejs_thenItsProofShowsThatNoHeavyProcessingTermWasPresent() {
        Decision decision = ADVISOR.decide(Path.of("facts/live-chat.json"));
        Conclusion ioBound = decision.conclusions().stream().filter(conclusion -> conclusion.claims().contains("UC-4")).findFirst().orElseThrow();
        Proof.Derivation derivation = ioBound.proof().derivations().get(0);
        assertThat(derivation.premises()).extracting(Proof::describe).containsExactly("Term(field=traits, value=io-bound)",
                "Absence(condition=not Term( field == \"traits\", value == \"heavy-processing\" ))");
        assertThat(derivation.premises().get(1).input()).isTrue();
    }

    @TestFactory
    Stream<DynamicTest> whenAProofSaysAFiringDerivedAFact_thenThatFiringsInsertedListsIt() {
        return Scenario.discover(Path.of("facts")).stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            Decision decision = ADVISOR.decide(scenario.factsFile());
            for (Conclusion conclusion : decision.conclusions()) {
                assertInsertedAgrees(conclusion.proof(), decision);
            }
        }));
    }

    private static void assertInsertedAgrees(Proof proof, Decision decision) {
        // a vote (restating claims) and a tension (claims pulling both ways) that a decision groups
        // are not facts of the session: each of their firings derived a piece of evidence they hold
        boolean grouping = proof.type().equals("Vote") || (proof.type().equals("Tension") && proof.fact().containsKey("claims"));
        for (Proof.Derivation derivation : proof.derivations()) {
            Firing firing = decision.firings().get(derivation.firing() - 1);
            if (grouping) {
                List<?> claims = (List<?>) proof.fact().get("claims");
                assertThat(firing.inserted()).as("firing #" + firing.seq() + " derived a piece of " + proof.describe())
                        .anyMatch(fact -> fact.get("type").equals("Evidence") && claims.contains(fact.get("claim")));
            } else {
                assertThat(firing.inserted()).as("firing #" + firing.seq() + " derived " + proof.describe()).contains(proof.fact());
            }
            derivation.premises().forEach(premise -> assertInsertedAgrees(premise, decision));
        }
    }

    @Test
    void whenACallerTriesToEditAFiringOrAProof_thenTheDecisionRefusesAndStaysAsItWas() {
        // given a decision, its JSON, one of its firings and the verdict's proof
        Decision decision = ADVISOR.decide(Path.of("facts/live-chat.json"));
        String before = decision.toJson();
        Firing firing = decision.firings().get(0);
        Proof proof = decision.proof();
        // when a caller tries to change what the firing matched, the facts it saw, or a proved fact
        // then each attempt is refused and the decision's JSON is unchanged
        assertThatThrownBy(() -> firing.matched().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> firing.facts().get(0).put("value", "edited")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> firing.inserted().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> proof.fact().put("candidate", "edited")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(decision.toJson()).isEqualTo(before);
    }

    @Test
    void whenTwoRulesDeriveTheSameFact_thenTheProofHoldsBothJustifications() {
        // given a project with two real-time traits: each makes the project real-time on its own
        Decision decision = ADVISOR.decide(Path.of("facts/live-chat.json"));
        // when the proof of the evidence built on the real-time characteristic is read
        Proof evidence = decision.conclusions(Conclusion.RECOMMENDATION).stream()
                .filter(conclusion -> conclusion.claims().contains("PF-T1")).findFirst().orElseThrow().proof();
        Proof.Derivation performance = evidence.derivations().stream()
                .filter(derivation -> derivation.rule().equals("Real-time work favours Node.js on performance")).findFirst().orElseThrow();
        Proof realTime = performance.premises().stream()
                .filter(premise -> premise.describe().equals("Characteristic(name=real-time)")).findFirst().orElseThrow();
        // then both firings that classified it are there, with their own terms
        assertThat(realTime.derivations()).hasSize(2);
        assertThat(realTime.inputs()).containsExactlyInAnyOrder("Term(field=traits, value=chat)", "Term(field=traits, value=real-time)");
    }

    @Test
    void whenRulesDeriveFactsInACircle_thenTheProofMarksTheCycleAndEnds() throws IOException {
        // given a rule base where two characteristics derive each other and one also has an input reason
        Path rules = RulesCopy.into(folder);
        Files.writeString(rules.resolve("circle.drl"), String.join("\n",
                "package org.stackadvisor.rules;",
                "import org.stackadvisor.internal.facts.Term;",
                "import org.stackadvisor.internal.facts.Characteristic;",
                "import org.stackadvisor.internal.facts.Evidence;",
                "rule \"Chat makes the first of a circle\" @section(\"Test\") @claims(\"UC-3\")",
                "when Term( field == \"traits\", value == \"chat\" ) then insertLogical(new Characteristic(\"circle-a\")); end",
                "rule \"The first of a circle makes the second\" @section(\"Test\") @claims(\"UC-3\")",
                "when Characteristic( name == \"circle-a\" ) then insertLogical(new Characteristic(\"circle-b\")); end",
                "rule \"The second of a circle makes the first\" @section(\"Test\") @claims(\"UC-3\")",
                "when Characteristic( name == \"circle-b\" ) then insertLogical(new Characteristic(\"circle-a\")); end",
                "rule \"The circle is evidence\" @section(\"Test\") @claims(\"UC-5\")",
                "when Characteristic( name == \"circle-a\" ) then insertLogical(new Evidence(\"nodejs\", \"UC-5\", \"circle\")); end",
                ""));
        // when a chat project is decided
        Decision decision = StackAdvisor.fromDirectory(rules).decide(Path.of("facts/live-chat.json"));
        // then the proof is finite and the circular branch is marked as a cycle
        Proof circle = decision.conclusions(Conclusion.RECOMMENDATION).stream()
                .filter(conclusion -> conclusion.text().equals("circle")).findFirst().orElseThrow().proof();
        Proof first = circle.derivations().get(0).premises().get(0);
        assertThat(first.describe()).isEqualTo("Characteristic(name=circle-a)");
        assertThat(first.derivations()).hasSize(2);
        assertThat(first.inputs()).contains("Term(field=traits, value=chat)");
        assertThat(first.toJson()).contains("\"cycle\" : true");
    }
}
