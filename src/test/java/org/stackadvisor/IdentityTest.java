package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision names the rule base it came from, down to each file and each rule, and the exact input. */
class IdentityTest {
    private static final String RULE = "A small application that must scale does so efficiently on Node.js";
    private static final Path CHAT = Path.of("facts/live-chat.json");

    @TempDir
    Path folder;

    @Test
    void whenADecisionIsMade_thenKnowledgeBaseRecordsNameVersionDroolsAndAHashOfEveryFileAndRule() throws Exception {
        Decision decision = StackAdvisor.bundled().decide(CHAT);
        JsonNode manifest = new ObjectMapper().readTree(Path.of("rules/manifest.json").toFile());
        assertThat(decision.knowledgeBaseName()).isEqualTo(manifest.get("name").asText());
        assertThat(decision.knowledgeBaseVersion()).isEqualTo(manifest.get("version").asText());
        assertThat(decision.droolsVersion()).isEqualTo("10.2.0");
        // every file of rules/, each with the SHA-256 of its bytes
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(Path.of("rules"))) {
            for (Path file : list.collect(Collectors.toList())) {
                files.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
            }
        }
        assertThat(decision.fileSha256s()).isEqualTo(files);
        // the base hash over the canonical form: each path and its file's hash, in path order
        StringBuilder canonical = new StringBuilder();
        files.forEach((path, hash) -> canonical.append(path).append('\n').append(hash).append('\n'));
        assertThat(decision.knowledgeBaseSha256()).isEqualTo(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        // every rule of every DRL file, each with the hash of its own text
        Map<String, String> rules = new TreeMap<>();
        Pattern rule = Pattern.compile("(?ms)^rule \"([^\"]+)\".*?^end\\n");
        for (String file : files.keySet()) {
            if (file.endsWith(".drl")) {
                Matcher matcher = rule.matcher(Files.readString(Path.of("rules", file)));
                while (matcher.find()) {
                    rules.put(matcher.group(1), sha256(matcher.group().getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        // and every rule of a decision table (one per row under its "Rule" labels), each with the
        // hash of the DRL Drools generates for it
        Set<String> tableRules = new TreeSet<>();
        for (String file : files.keySet()) {
            if (file.endsWith(".csv")) {
                boolean inRules = false;
                for (String line : Files.readAllLines(Path.of("rules", file))) {
                    String first = line.split(",", 2)[0].trim();
                    if (inRules && !first.isEmpty()) {
                        tableRules.add(first);
                    }
                    inRules = inRules || first.equals("Rule");
                }
            }
        }
        assertThat(tableRules).isNotEmpty();
        Map<String, String> fromTables = new TreeMap<>(decision.ruleSha256s());
        fromTables.keySet().removeAll(rules.keySet());
        assertThat(fromTables.keySet()).isEqualTo(tableRules);
        assertThat(fromTables.values()).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
        Map<String, String> fromDrl = new TreeMap<>(decision.ruleSha256s());
        fromDrl.keySet().removeAll(tableRules);
        assertThat(fromDrl).isEqualTo(rules);
    }

    @Test
    void whenOneRuleChanges_thenOnlyThatRulesHashItsFilesHashAndTheBaseHashChange() throws IOException {
        Decision before = StackAdvisor.bundled().decide(CHAT);
        Path rules = RulesCopy.into(folder);
        Path scalability = rules.resolve("scalability.drl");
        String drl = Files.readString(scalability);
        int start = drl.indexOf("rule \"" + RULE + "\"");
        String wording = "scales small applications efficiently";
        int text = drl.indexOf(wording, start);
        assertThat(start).isNotNegative();
        assertThat(text).isGreaterThan(start).isLessThan(drl.indexOf("\nend\n", start));
        Files.writeString(scalability, drl.substring(0, text) + "lets small applications scale efficiently" + drl.substring(text + wording.length()));
        Decision after = StackAdvisor.fromDirectory(rules).decide(CHAT);

        assertThat(after.knowledgeBaseSha256()).isNotEqualTo(before.knowledgeBaseSha256());
        assertThat(changedKeys(before.ruleSha256s(), after.ruleSha256s())).containsExactly(RULE);
        assertThat(changedKeys(before.fileSha256s(), after.fileSha256s())).containsExactly("scalability.drl");
    }

    @Test
    void whenOnlyACommentOutsideRulesChanges_thenNoRuleHashChangesButTheBaseHashDoes() throws IOException {
        Decision before = StackAdvisor.bundled().decide(CHAT);
        Path rules = RulesCopy.into(folder);
        Files.writeString(rules.resolve("decision.drl"), Files.readString(rules.resolve("decision.drl")) + "\n// reviewed\n");
        Decision after = StackAdvisor.fromDirectory(rules).decide(CHAT);
        assertThat(after.knowledgeBaseSha256()).isNotEqualTo(before.knowledgeBaseSha256());
        assertThat(after.ruleSha256s()).isEqualTo(before.ruleSha256s());
        assertThat(changedKeys(before.fileSha256s(), after.fileSha256s())).containsExactly("decision.drl");
    }

    @Test
    void whenADecisionIsMade_thenInputHoldsTheCanonicalFactsAndTheirHash() throws Exception {
        Decision decision = StackAdvisor.bundled().decide(CHAT);
        String canonical = new ObjectMapper().writeValueAsString(decision.inputFacts());
        assertThat(canonical).startsWith("{\"dataVolume\":\"moderate\",\"domain\":\"retail\",\"libraries\":[\"express\",\"react\"]");
        assertThat(decision.inputSha256()).isEqualTo(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> changedKeys(Map<String, String> before, Map<String, String> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        return before.keySet().stream().filter(key -> !before.get(key).equals(after.get(key))).collect(Collectors.toList());
    }


    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
