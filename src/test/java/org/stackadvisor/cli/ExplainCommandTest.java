package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void whenAnExampleIsExplained_thenTheVerdictsProofReadsTopDownToTheInputFacts() {
        // given an example; when it is explained
        CommandRun run = CommandRun.of("explain", "facts/live-chat.json");
        // then the tree starts at the verdict, goes through the score and evidence, and ends in input facts
        assertThat(run.exitCode).as(run.toString()).isZero();
        List<String> lines = Arrays.asList(run.out.split("\n"));
        assertThat(lines.get(0)).isEqualTo("Support-desk live chat: verdict nodejs, resting on claims"
                + " [BACK-2, BACK-3, FLC-8, FLC-T, LC-1, LC-T1, PF-T1, UC-3, UC-4]");
        assertThat(lines.get(1)).isEqualTo("Verdict(candidate=nodejs)  [BACK-3]");
        assertThat(lines.get(2)).isEqualTo("  because firing #15 \"The candidate that leads by the margin is recommended\"  [BACK-3]");
        assertThat(lines.get(3)).isEqualTo("    DecisionMargin(points=2)  [input]");
        assertThat(lines.get(4)).isEqualTo("    Score(candidate=nodejs, total=10)  [BACK-3]");
        // the score rests on the manifest's claim weights, an input fact, and on every piece of evidence with its claim's weight
        assertThat(lines.get(6)).isEqualTo("        ClaimWeights(source=manifest.json, claims=26)  [input]");
        assertThat(run.out).contains("        Evidence(candidate=nodejs, claim=BACK-2, text=V8's speed has made Node.js a common choice for real-time servers, weight=1)  [BACK-2]",
                "          because firing #11 \"Chat and streaming platforms are the real-time data-heavy web work Node.js is best at\"  [UC-3]",
                "            Term(field=traits, value=chat)  [input]");
        // every line of the tree carries its claim IDs or says it is an input fact; after the tree come the
        // input terms no rule weighed, each with its reason, and the verdict's robustness
        int tree = 0;
        while (tree < lines.size() && !lines.get(tree).startsWith("Weight of ") && !lines.get(tree).startsWith("Tension: ")
                && !lines.get(tree).startsWith("Not weighed: ") && !lines.get(tree).startsWith("Robustness: ")) {
            tree++;
        }
        assertThat(lines.subList(0, tree)).allSatisfy(line -> assertThat(line).matches(".* \\[([A-Z]+-[A-Z0-9]+(, )?)+\\]|.*  \\[input\\]|\\s*Absence\\(.*\\)  \\[no fact matched this condition\\]"));
        assertThat(lines.subList(tree, lines.size())).contains(
                "Not weighed: libraries react: the article names React for UI, not for the back end",
                "Robustness: the verdict holds under all 54 weightings")
                .allSatisfy(line -> assertThat(line).matches("Weight of [A-Z]+-[A-Z0-9]+: \\d+ \\(.+\\)|Tension: .+|Not weighed: [a-zA-Z.]+ [a-z-]+: .+|Robustness: .+"));
        assertThat(run.err).isEmpty();
    }

    @Test
    void whenJsonIsAskedFor_thenItIsTheSameTreeAsTheDecisionsVerdictProof() throws Exception {
        CommandRun explain = CommandRun.of("explain", "--format", "json", "facts/newcomer-team-portal.json");
        CommandRun decide = CommandRun.of("decide", "--format", "json", "facts/newcomer-team-portal.json");
        assertThat(explain.exitCode).as(explain.toString()).isZero();
        JsonNode proof = JSON.readTree(explain.out);
        assertThat(proof).isEqualTo(JSON.readTree(decide.out).get("conclusions").get(0).get("proof"));
        assertThat(proof.get("fact").get("type").asText()).isEqualTo("Verdict");
        assertThat(proof.get("derivations").get(0).get("rule").asText()).isEqualTo("The candidate that leads by the margin is recommended");
    }

    @Test
    void whenTheVerdictIsEither_thenTheProofShowsBothJustificationsEachWithBothScores() {
        CommandRun run = CommandRun.of("explain", "facts/chat-with-ml-suggestions.json");
        assertThat(run.exitCode).as(run.toString()).isZero();
        List<String> scores = Arrays.stream(run.out.split("\n")).filter(line -> line.startsWith("    Score("))
                .collect(Collectors.toList());
        // two scores tie, so the rule fired once with each as the leader: both justifications count
        assertThat(run.out).contains("Verdict(candidate=either)");
        assertThat(Arrays.stream(run.out.split("\n")).filter(line -> line.startsWith("  because firing #"))).hasSize(2);
        // (chat: PF-T1 3 for nodejs; machine learning: FLC-T 2 and UC-1 1 for python)
        assertThat(scores).containsExactlyInAnyOrder("    Score(candidate=python, total=3)  [BACK-3]",
                "    Score(candidate=nodejs, total=3)  [BACK-3]", "    Score(candidate=nodejs, total=3)  [BACK-3]",
                "    Score(candidate=python, total=3)  [BACK-3]");
    }

    @Test
    void whenTheFactsAreInvalid_thenExit3AndNoStackTrace() {
        CommandRun run = CommandRun.of("explain", "no-such-file.json");
        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).contains("no-such-file.json: no such file").doesNotContain("\tat ");
    }
}
