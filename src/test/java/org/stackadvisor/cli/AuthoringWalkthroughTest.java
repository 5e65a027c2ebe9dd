package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;
import org.stackadvisor.authoring.Scenario;

/**
 * The authoring manual's (docs/authoring.md) "Worked example: adding Go as a third candidate", step by step, in a copy of rules/ and facts/: a
 * third candidate (Go) with two rules, a vocabulary term, two claims and a scenario, then verify,
 * test and coverage. No Java changes: scoring and the decision are generic over candidates.
 */
class AuthoringWalkthroughTest {
    static final String GO_CANDIDATE = "{ \"id\": \"go\", \"label\": \"Go\" }";
    static final String GO_CLAIMS =
            "{ \"id\": \"GO-1\", \"section\": \"Go\", \"kind\": \"signal\", \"leans\": \"go\", "
            + "\"paraphrase\": \"Cloud-native services are Go's home ground.\", "
            + "\"weight\": 3, \"rationale\": \"An explicit 'choose Go' for cloud-native services.\" },\n"
            + "    { \"id\": \"GO-2\", \"section\": \"Go\", \"kind\": \"signal\", \"leans\": \"go\", "
            + "\"paraphrase\": \"Goroutines carry high load with little memory.\", "
            + "\"weight\": 2, \"rationale\": \"A statement that Go is the preferred way to carry high load.\" },\n";
    static final String GO_DRL = String.join("\n",
            "package org.stackadvisor.rules;",
            "",
            "import org.stackadvisor.internal.facts.Term;",
            "import org.stackadvisor.internal.facts.Evidence;",
            "",
            "rule \"Cloud-native services favour Go\"",
            "    @section(\"Go\") @claims(\"GO-1\")",
            "when",
            "    Term( field == \"traits\", value == \"cloud-native\" )",
            "then",
            "    insertLogical(new Evidence(\"go\", \"GO-1\", \"Cloud-native services are Go's home ground\"));",
            "end",
            "",
            "rule \"High load on a cloud-native service favours Go\"",
            "    @section(\"Go\") @claims(\"GO-2\")",
            "when",
            "    Term( field == \"traits\", value == \"cloud-native\" )",
            "    Term( field == \"traits\", value == \"high-load\" )",
            "then",
            "    insertLogical(new Evidence(\"go\", \"GO-2\", \"Goroutines carry high load with little memory\"));",
            "end",
            "");
    static final String GO_FACTS = "{ \"name\": \"Cloud API gateway\", \"systemSize\": \"small\", \"traits\": [\"cloud-native\", \"high-load\"] }\n";
    static final String GO_EXPECTED = "{ \"verdict\": \"go\", \"claims\": [\"GO-1\", \"GO-2\"], \"absentClaims\": [\"CON-1\"] }\n";

    @TempDir
    Path temp;

    @Test
    void whenGoIsAddedAsACandidateWithTwoRules_thenVerifyTestAndCoverageAllPassWithoutJava() throws Exception {
        // given the walkthrough's edits in copies of rules/ and facts/
        RulesCopy rules = RulesCopy.of("rules", temp.resolve("rules"));
        RulesCopy facts = RulesCopy.of("facts", temp.resolve("facts"));
        RulesCopy.of("facts/expected", temp.resolve("facts/expected"));
        rules.replace("manifest.json", "{ \"id\": \"python\", \"label\": \"Python\" }",
                "{ \"id\": \"python\", \"label\": \"Python\" },\n    " + GO_CANDIDATE);
        rules.replace("manifest.json", "\"needs-stability\", \"fast-runtime\", \"complex-problem\"]",
                "\"needs-stability\", \"fast-runtime\", \"complex-problem\", \"cloud-native\"]");
        rules.replace("manifest.json", "\"claims\": [\n", "\"claims\": [\n    " + GO_CLAIMS);
        rules.write("go.drl", GO_DRL);
        facts.write("cloud-api-gateway.json", GO_FACTS);
        facts.write("expected/cloud-api-gateway.json", GO_EXPECTED);

        int goAndExamples = Scenario.discover(Path.of("facts")).size() + 1;

        // when the three commands run
        CommandRun verify = CommandRun.of("verify", "--rules", rules.toString());
        CommandRun test = CommandRun.of("test", "--rules", rules.toString(), facts.toString());
        CommandRun coverage = CommandRun.of("coverage", "--rules", rules.toString(), "--facts", facts.toString(), "--format", "json");

        // then the rule base is sound, every scenario (old and new) passes, and the Go claims are covered
        assertThat(verify.exitCode).as(verify.toString()).isZero();
        assertThat(verify.out).contains("verified, 0 errors, 0 warnings");
        assertThat(test.exitCode).as(test.toString()).isZero();
        assertThat(test.out).contains("ok   cloud-api-gateway (go)", goAndExamples + " scenarios: " + goAndExamples + " passed, 0 failed");
        assertThat(coverage.exitCode).as(coverage.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(coverage.out);
        assertThat(report.path("uncovered").size()).isZero();
        for (JsonNode claim : report.path("claims")) {
            if (claim.path("id").asText().startsWith("GO-")) {
                assertThat(claim.path("status").asText()).isEqualTo("covered");
                assertThat(claim.path("scenarios").toString()).isEqualTo("[\"cloud-api-gateway\"]");
            }
        }
    }

    @Test
    void whenGoIsAdded_thenTheDecisionScoresItBesideTheOthers() throws Exception {
        RulesCopy rules = RulesCopy.of("rules", temp.resolve("rules"));
        rules.replace("manifest.json", "{ \"id\": \"python\", \"label\": \"Python\" }",
                "{ \"id\": \"python\", \"label\": \"Python\" },\n    " + GO_CANDIDATE);
        rules.replace("manifest.json", "\"needs-stability\", \"fast-runtime\", \"complex-problem\"]",
                "\"needs-stability\", \"fast-runtime\", \"complex-problem\", \"cloud-native\"]");
        rules.replace("manifest.json", "\"claims\": [\n", "\"claims\": [\n    " + GO_CLAIMS);
        rules.write("go.drl", GO_DRL);
        rules.write("../gateway.json", GO_FACTS);
        CommandRun decide = CommandRun.of("decide", "--rules", rules.toString(), temp.resolve("gateway.json").toString());
        assertThat(decide.exitCode).as(decide.toString()).isZero();
        assertThat(decide.out).contains("Verdict: go - Choose Go", "+3 go: Cloud-native services are Go's home ground", "[GO-1]");
        assertThat(decide.out).contains("Scores:  nodejs 1, python 3, go 5");
    }
}
