package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;

/** {@code analyze}: every single term and pair of terms decided; dead rules, tensions and ties reported. */
class AnalyzeCommandTest {
    @TempDir
    Path temp;

    @Test
    void whenTheBundledRulesAreAnalyzed_thenNoRuleIsDeadAndTheArticlesTensionsAreListed() throws Exception {
        // given the bundled rules; when
        CommandRun run = CommandRun.of("analyze", "--format", "json");
        // then
        assertThat(run.exitCode).as(run.toString()).isZero();
        JsonNode analysis = new ObjectMapper().readTree(run.out);
        // no rule is dead but the two whose sentence states three conditions at once (issue 13: "a rule's
        // condition states what the article states"): analyze probes single terms and pairs only, so it
        // cannot reach them; both fire in an example of facts/ (CoverageTest)
        List<String> dead = new ArrayList<>();
        analysis.path("deadRules").forEach(rule -> dead.add(rule.isTextual() ? rule.asText() : rule.path("rule").asText(rule.toString())));
        // (nor the catalogue's rule, whose CatalogueEntry comes from the library catalogue, not the vocabulary)
        assertThat(dead).as(analysis.path("deadRules").toString()).containsExactlyInAnyOrder(
                "A catalogued library belongs to the ecosystem whose registry uses it most",
                "A large system with huge data that must stay stable favours Python",
                "Real-time data-intensive web work favours Node.js for its asynchronous nature");
        assertThat(analysis.path("probes").path("single").asInt()).isGreaterThan(50);
        assertThat(analysis.path("probes").path("pairs").asInt()).isGreaterThan(1000);
        // real-time work (PF-T1) against banking's data sets (UC-2): the article pulls both ways
        boolean realTimeAgainstBanking = false;
        for (JsonNode tension : analysis.path("tensions")) {
            String one = tension.path("one").toString();
            String other = tension.path("other").toString();
            assertThat(tension.path("one").path("candidate").asText()).isNotEqualTo(tension.path("other").path("candidate").asText());
            realTimeAgainstBanking |= one.contains("\"PF-T1\"") && other.contains("\"UC-2\"");
        }
        assertThat(realTimeAgainstBanking).isTrue();
        assertThat(analysis.path("ties").size()).isPositive();
        assertThat(analysis.path("ties").get(0).path("scores").size()).isEqualTo(2);
    }

    @Test
    void whenARuleNeedsThreeFactsAtOnce_thenItIsReportedDead() {
        // given a rule that only fires with three traits together
        RulesCopy rules = RulesCopy.of("rules", temp.resolve("rules"));
        rules.write("three.drl", String.join("\n",
                "package org.stackadvisor.rules;",
                "import org.stackadvisor.internal.facts.Term;",
                "import org.stackadvisor.internal.facts.Evidence;",
                "rule \"Chat, streaming and 3D together favour Node.js\"",
                "    @section(\"Use cases\") @claims(\"UC-3\")",
                "when",
                "    Term( field == \"traits\", value == \"chat\" )",
                "    Term( field == \"traits\", value == \"streaming\" )",
                "    Term( field == \"traits\", value == \"3d-rendering\" )",
                "then",
                "    insertLogical(new Evidence(\"nodejs\", \"UC-3\", \"All three at once\"));",
                "end", ""));
        // when
        CommandRun run = CommandRun.of("analyze", "--rules", rules.toString());
        // then
        assertThat(run.exitCode).as(run.toString()).isZero();
        // (listed in name order, beside the two bundled rules that also need three facts)
        // each with its file and line, and why: it needs three facts at once, which is not a contradiction
        assertThat(run.out).contains("Dead rules (fire under no probe): \n"
                + "  \"A catalogued library belongs to the ecosystem whose registry uses it most\" ("
                + rules.file("frameworks-libraries-community.drl") + ":59)\n"
                + "    matches a library of the catalogue, which the probes (the vocabulary's terms) never name\n"
                + "  \"A large system with huge data that must stay stable favours Python\" (" + rules.file("use-cases.drl") + ":88)\n"
                + "    needs 3 facts at once (terms or characteristics); the probes give one or two terms, a scenario can reach it\n"
                + "  \"Chat, streaming and 3D together favour Node.js\" (" + rules.file("three.drl") + ":4)\n"
                + "    needs 3 facts at once");
        assertThat(run.out).doesNotContain("contradictory");
        assertThat(run.out).contains("Tensions (rules pushing different candidates under one probe): ", "Ties (evidence on some side");
    }
}
