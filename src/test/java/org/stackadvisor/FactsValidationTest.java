package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad facts get every problem at once, each with file, line, column, JSON path and allowed values. */
class FactsValidationTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    @TempDir
    Path folder;

    private List<Problem> problemsOf(String json) throws Exception {
        Path file = folder.resolve("project.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return problemsOf(file);
    }

    private static List<Problem> problemsOf(Path file) {
        try {
            ADVISOR.decide(file);
        } catch (InvalidFactsException e) {
            return e.problems();
        }
        throw new AssertionError("expected the facts to be rejected");
    }

    @Test
    void whenATermIsMisspelled_thenTheProblemNamesFieldTermAndSuggestion() throws Exception {
        List<Problem> problems = problemsOf("{\"name\": \"x\", \"traits\": [\"real-tim\"]}");
        assertThat(problems).hasSize(1);
        Problem problem = problems.get(0);
        assertThat(problem.path()).isEqualTo("$.traits[0]");
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isEqualTo(26);
        assertThat(problem.message()).contains("'real-tim'", "'traits'", "did you mean 'real-time'?", "allowed terms: real-time, chat");
        assertThat(problem.toString()).startsWith(folder.resolve("project.json") + ":1:26: $.traits[0]: ");
    }

    @Test
    void whenADocumentHasSeveralProblems_thenAllAreReportedTogether() throws Exception {
        List<Problem> problems = problemsOf("{\n  \"name\": \"x\",\n  \"sytemSize\": \"small\",\n  \"dataVolume\": \"enormous\",\n"
                + "  \"needs\": \"web-app\",\n  \"team\": {\"experience\": \"senior\", \"backendExperts\": \"yes\"}\n}");
        assertThat(problems).extracting(Problem::path)
                .containsExactly("$.sytemSize", "$.dataVolume", "$.needs", "$.team.experience", "$.team.backendExperts");
        assertThat(problems.get(0).message()).contains("unknown key 'sytemSize'", "did you mean 'systemSize'?");
        assertThat(problems.get(0).line()).isEqualTo(3);
        assertThat(problems.get(1).message()).contains("'enormous'", "allowed terms: small, moderate, large, huge");
        assertThat(problems.get(2).message()).contains("must be a list of terms");
        assertThat(problems.get(3).message()).contains("allowed terms: new, intermediate, expert");
        assertThat(problems.get(4).message()).contains("true or false");
    }

    @Test
    void whenTheNameIsMissing_thenTheProblemSaysSo() throws Exception {
        assertThat(problemsOf("{\"traits\": [\"chat\"]}")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'name' is missing"));
    }

    @Test
    void whenAKeyIsRepeated_thenItIsRejected() throws Exception {
        assertThat(problemsOf("{\"name\": \"x\", \"name\": \"y\"}")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("duplicate key 'name'"));
    }

    @Test
    void whenTheFileIsNotJson_thenTheProblemGivesThePlace() throws Exception {
        assertThat(problemsOf("name: chat\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("not valid JSON"));
    }

    @Test
    void whenTheFileIsTruncated_thenTheProblemSaysItEndsTooEarly() throws Exception {
        assertThat(problemsOf("{\"name\": \"x\", \"traits\": [\"chat\"")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("ends too early"));
    }

    @Test
    void whenTheFileIsEmpty_thenTheProblemSaysSo() throws Exception {
        assertThat(problemsOf("")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("the document is empty"));
    }

    @Test
    void whenTheDocumentIsNotAnObject_thenTheProblemSaysWhatItShouldBe() throws Exception {
        assertThat(problemsOf("[1, 2]")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("a facts document is a JSON object"));
    }

    @Test
    void whenTheFileIsMissing_thenTheProblemNamesIt() {
        Path missing = folder.resolve("nope.json");
        assertThat(problemsOf(missing)).singleElement()
                .satisfies(problem -> assertThat(problem.toString()).isEqualTo(missing + ": no such file"));
    }

    @Test
    void whenTheFileIsAFolder_thenTheProblemSaysSo() {
        assertThat(problemsOf(folder)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("is a directory"));
    }

    @Test
    void whenTheFileIsNotUtf8_thenTheProblemSaysSo() throws Exception {
        Path file = folder.resolve("latin1.json");
        Files.write(file, new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE9, '"', '}'});
        assertThat(problemsOf(file)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("not UTF-8"));
    }

    @Test
    void whenListsComeInAnotherOrder_thenTheInputHashAndDecisionAreTheSame() throws Exception {
        Decision first = ADVISOR.decide(Project.parse("{\"name\": \"x\", \"traits\": [\"chat\", \"io-bound\"], \"libraries\": [\"react\", \"express\"]}"));
        Decision second = ADVISOR.decide(Project.parse("{\"libraries\": [\"express\", \"react\", \"react\"], \"traits\": [\"io-bound\", \"chat\"], \"name\": \"x\"}"));
        assertThat(second.inputSha256()).isEqualTo(first.inputSha256());
        assertThat(second.toJson()).isEqualTo(first.toJson());
    }

    @Test
    void whenAFieldIsAbsent_thenNoRuleAssumesAValueForIt() {
        Decision decision = ADVISOR.decide(Project.builder("unknown size").traits("fast-runtime").build());
        assertThat(decision.firedRules()).noneMatch(rule -> rule.contains("small") || rule.contains("large"));
    }

    @Test
    void whenAProjectIsBuiltInCode_thenItDecidesLikeTheSameFile() {
        Project built = Project.builder("Support-desk live chat").domain("retail").systemSize("small").dataVolume("moderate")
                .traits("real-time", "chat", "io-bound").needs("web-app").libraries("express", "react")
                .teamSkills("javascript", "async").teamExperience("intermediate").teamBackendExperts(false).build();
        Decision fromCode = ADVISOR.decide(built);
        Decision fromFile = ADVISOR.decide(Path.of("facts/live-chat.json"));
        assertThat(fromCode.toJson()).isEqualTo(fromFile.toJson());
    }

    @Test
    void whenABuiltProjectHasABadTerm_thenTheProblemHasNoPlaceButNamesThePath() {
        assertThatThrownBy(() -> ADVISOR.decide(Project.builder("x").needs("machine-learnin").build()))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("$.needs[0]")
                .hasMessageContaining("did you mean 'machine-learning'?");
    }
}
