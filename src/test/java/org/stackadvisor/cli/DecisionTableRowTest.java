package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;

/**
 * The library-to-ecosystem knowledge is a decision table: one new row plus the library's term in
 * the vocabulary make a project with that library decide accordingly, with no DRL or Java change.
 */
class DecisionTableRowTest {
    private static final String FASTAPI_ROW = "FastAPI in the stack favours Python,fastapi,python,FLC-1,"
            + "a Python web framework built for asynchronous APIs,\"Frameworks, libraries, and community\",FLC-1\n";

    @TempDir
    Path temp;

    @Test
    void whenARowAndItsTermAreAdded_thenAProjectWithThatLibraryDecidesAccordingly() throws Exception {
        // given a copy of rules/ with a fastapi row and the term in the manifest's vocabulary
        RulesCopy rules = RulesCopy.of("rules", temp.resolve("rules"));
        rules.write("library-ecosystems.csv", rules.read("library-ecosystems.csv") + FASTAPI_ROW);
        rules.replace("manifest.json", "\"terms\": [\"django\",", "\"terms\": [\"fastapi\", \"django\",");
        rules.write("../fastapi-service.json", "{ \"name\": \"FastAPI service\", \"libraries\": [\"fastapi\"] }");
        // when
        CommandRun verify = CommandRun.of("verify", "--rules", rules.toString());
        CommandRun decide = CommandRun.of("decide", "--format", "json", "--rules", rules.toString(),
                temp.resolve("fastapi-service.json").toString());
        // then the new rule is verified, fires with its claim and row, and its LibraryFit feeds the ecosystem rule (FLC-T);
        // FLC-1 restates FLC-T, so the row and the takeaway vote once, with FLC-T's weight of 2
        assertThat(verify.exitCode).as(verify.toString()).isZero();
        assertThat(decide.exitCode).as(decide.toString()).isZero();
        JsonNode decision = new ObjectMapper().readTree(decide.out);
        assertThat(decision.path("verdict").asText()).isEqualTo("python");
        assertThat(decision.path("scores").path("python").asInt()).isEqualTo(2);
        assertThat(decide.out).contains("\"rule\" : \"FastAPI in the stack favours Python\"",
                "The project builds on fastapi, a Python web framework built for asynchronous APIs",
                "\"rule\" : \"Libraries of an ecosystem that serve the project favour that ecosystem\"");
        JsonNode firing = null;
        for (JsonNode candidate : decision.path("firings")) {
            if (candidate.path("rule").asText().equals("FastAPI in the stack favours Python")) {
                firing = candidate;
            }
        }
        assertThat(firing).isNotNull();
        assertThat(firing.path("claims").toString()).isEqualTo("[\"FLC-1\"]");
        assertThat(firing.path("inserted").toString()).contains("LibraryFit", "fastapi");
        assertThat(decision.path("knowledgeBase").path("rules").has("FastAPI in the stack favours Python")).isTrue();
    }

    @Test
    void whenARowIsAddedWithoutItsTerm_thenVerifyNamesTheRowAndDecideStillWorks() {
        // given the row but not the vocabulary term
        RulesCopy rules = RulesCopy.of("rules", temp.resolve("rules"));
        rules.write("library-ecosystems.csv", rules.read("library-ecosystems.csv") + FASTAPI_ROW);
        // when
        CommandRun verify = CommandRun.of("verify", "--rules", rules.toString());
        // then the row (the last one, 22) and the Library cell are named
        int column = "FastAPI in the stack favours Python,".length() + 1;
        assertThat(verify.exitCode).isEqualTo(4);
        assertThat(verify.out).contains(rules.file("library-ecosystems.csv") + ":22:" + column
                + ": error: unknown term 'fastapi' for field 'libraries'");
    }
}
