package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;

class ReplayCommandTest {
    private static final String CHANGED_RULE = "Chat and streaming platforms are the real-time data-heavy web work Node.js is best at";

    @TempDir
    Path folder;

    private Path saved(String example, String... rules) throws IOException {
        String[] args = Stream.concat(Stream.of("decide", "--format", "json"),
                Stream.concat(Stream.of(rules), Stream.of("facts/" + example))).toArray(String[]::new);
        CommandRun decide = CommandRun.of(args);
        assertThat(decide.exitCode).as(decide.toString()).isZero();
        Path file = folder.resolve(example);
        Files.writeString(file, decide.out, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void whenASavedDecisionIsReplayedWithTheSameRules_thenReproducedAndExit0() throws IOException {
        // given a saved decision; when it is replayed with the same rule base
        CommandRun run = CommandRun.of("replay", saved("live-chat.json").toString());
        // then it is reproduced
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("reproduced\n");
        assertThat(run.err).isEmpty();
    }

    @Test
    void whenADecisionSavedByAnEngineThatFiredInAnotherOrderIsReplayed_thenReplaySaysTheEngineDiffersAndExits1()
            throws IOException {
        // given a decision saved by an engine that summed the Node.js score once more before all its
        // evidence was in (as Stack Advisor did before its rules fired in the order of their derived facts)
        Path decision = saved("live-chat.json");
        ObjectMapper json = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = json.readValue(decision.toFile(), Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> firings = (List<Map<String, Object>>) tree.get("firings");
        Map<String, Object> earlierSum = new LinkedHashMap<>(firings.get(0));
        earlierSum.put("seq", firings.size() + 1);
        earlierSum.put("rule", "Each candidate scores one vote per claim of the article that supports it");
        earlierSum.put("section", "Scoring");
        earlierSum.put("claims", List.of("BACK-3"));
        earlierSum.put("matched", Map.of("$candidate", "nodejs", "$summed", List.of(), "$total", 0));
        earlierSum.put("facts", List.of(Map.of("type", "Candidate", "id", "nodejs", "label", "Node.js")));
        earlierSum.put("inserted", List.of(Map.of("type", "Score", "candidate", "nodejs", "total", 0)));
        earlierSum.put("superseded", true);
        firings.add(earlierSum);
        Files.writeString(decision, json.writeValueAsString(tree), StandardCharsets.UTF_8);

        // when it is replayed with the same rules
        CommandRun run = CommandRun.of("replay", decision.toString());

        // then replay says the engine differs, names the firing, and finds the verdict and scores the same
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        List<String> lines = run.out.lines().collect(Collectors.toList());
        assertThat(lines.get(1)).startsWith("  engine: the same rule base and input fired differently");
        assertThat(run.out).contains("  firing removed: #" + firings.size() + " \"Each candidate scores one vote per claim of the article that supports it\"")
                .doesNotContain("rule changed", "verdict:", "score nodejs:", "rule base sha256:");
    }

    @Test
    void whenOneRuleChangedInACopyOfTheRules_thenReplayNamesThatRuleAndWhatMovedAndExits1() throws IOException {
        // given a saved decision and a copy of rules/ where one rule encodes another claim: chat as memory-hungry
        // work (UC-5, a signal of its own worth 2) instead of real-time data-heavy work (UC-3, which restates PF-T1)
        Path decision = saved("live-chat.json");
        Path rules = RulesCopy.into(folder);
        Path useCases = rules.resolve("use-cases.drl");
        String drl = Files.readString(useCases);
        int start = drl.indexOf("rule \"" + CHANGED_RULE + "\"");
        int end = drl.indexOf("\nend\n", start);
        assertThat(start).isNotNegative();
        String changed = drl.substring(0, start) + drl.substring(start, end).replace("UC-3", "UC-5") + drl.substring(end);
        assertThat(changed).isNotEqualTo(drl);
        Files.writeString(useCases, changed);
        // when it is replayed with the copy
        CommandRun run = CommandRun.of("replay", "--rules", rules.toString(), decision.toString());
        // then the differences name the rule, the file, the firings and the score, and nothing else
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        List<String> lines = run.out.lines().collect(Collectors.toList());
        assertThat(lines.get(0)).startsWith("differs (");
        assertThat(run.out).contains("  rule base sha256: ", "  file changed: \"use-cases.drl\"",
                "  rule changed: \"" + CHANGED_RULE + "\"", "  score nodejs: 10 -> 12",
                "  firing removed: #11 \"" + CHANGED_RULE + "\" -> Evidence(candidate=nodejs, claim=UC-3, text=",
                "  firing added: #11 \"" + CHANGED_RULE + "\" -> Evidence(candidate=nodejs, claim=UC-5, text=",
                "  firing removed: #15 \"The candidate that leads by the margin is recommended\" on $candidate=nodejs,"
                        + " $leader=Score(candidate=nodejs, total=10), $margin=2, $total=10 -> Verdict(candidate=nodejs)");
        assertThat(lines.stream().filter(line -> line.startsWith("  rule changed:"))).hasSize(1);
        assertThat(run.out).doesNotContain("verdict:", "rule added", "rule removed", "input:");
    }

    @Test
    void whenARuleIsRemovedFromTheCopy_thenReplayNamesItAsRemovedAndItsFiringsAsRemoved() throws IOException {
        Path decision = saved("ml-fraud-detection.json");
        Path rules = RulesCopy.into(folder);
        Path performance = rules.resolve("performance.drl");
        String drl = Files.readString(performance);
        int start = drl.indexOf("rule \"");
        int end = drl.indexOf("\nend", start) + 4;
        String removedRule = drl.substring(start + 6, drl.indexOf('"', start + 6));
        Files.writeString(performance, drl.substring(0, start) + drl.substring(end));
        CommandRun run = CommandRun.of("replay", "--rules", rules.toString(), decision.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("  rule removed: \"" + removedRule + "\"");
    }

    @Test
    void whenTheSavedDecisionWasEdited_thenReplaySaysWhatDiffers() throws IOException {
        Path decision = saved("live-chat.json");
        Files.writeString(decision, Files.readString(decision).replaceFirst("\"verdict\" : \"nodejs\"", "\"verdict\" : \"python\""));
        CommandRun run = CommandRun.of("replay", decision.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("  verdict: python -> nodejs");
    }

    @Test
    void whenTheFileIsNotADecision_thenExit3NamingTheFile() throws IOException {
        Path facts = Path.of("facts/live-chat.json");
        CommandRun run = CommandRun.of("replay", facts.toString());
        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).contains("facts/live-chat.json: $.input.facts: has no stored input facts", "not a decision")
                .doesNotContain("\tat ");
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"verdict\": ");
        CommandRun notJson = CommandRun.of("replay", broken.toString());
        assertThat(notJson.exitCode).isEqualTo(3);
        assertThat(notJson.err).contains(broken + ":1:", "is not JSON");
        assertThat(CommandRun.of("replay", folder.resolve("missing.json").toString()).exitCode).isEqualTo(3);
    }

}
