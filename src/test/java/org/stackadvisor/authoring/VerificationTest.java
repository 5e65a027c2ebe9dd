package org.stackadvisor.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.Problem;
import org.stackadvisor.RulesCopy;

/** The verification API that {@code verify} prints and that an application can call before loading rules. */
class VerificationTest {
    @TempDir
    Path temp;

    @Test
    void whenTheBundledAndFolderRulesAreVerified_thenTheyPassWithoutProblems() {
        assertThat(Verification.bundled().problems()).isEmpty();
        Verification folder = Verification.of(Path.of("rules"));
        assertThat(folder.passed()).isTrue();
        assertThat(folder.origin()).isEqualTo("rules");
    }

    @Test
    void whenTheFolderIsMissing_thenOneErrorAndNotPassed() {
        Verification verification = Verification.of(temp.resolve("none"));
        assertThat(verification.passed()).isFalse();
        assertThat(verification.errors()).singleElement().satisfies(problem ->
                assertThat(problem.toCompilerLine()).isEqualTo(temp.resolve("none") + ": error: no such folder"));
    }

    @Test
    void whenErrorsAndWarningsMix_thenEachHasItsSeverityAndPlace() throws Exception {
        // given a copy where a rule compares an unknown word-field term (a warning) and cites an unknown claim (an error)
        Path rules = RulesCopy.into(temp);
        Path useCases = rules.resolve("use-cases.drl");
        String text = Files.readString(useCases, StandardCharsets.UTF_8);
        Files.writeString(useCases, text.replace("value in (\"banking\", \"insurance\")", "value in (\"banking\", \"insurance\", \"retail\")")
                .replace("@claims(\"UC-2\")", "@claims(\"UC-2, UC-99\")"), StandardCharsets.UTF_8);
        // when
        Verification verification = Verification.of(rules);
        // then
        assertThat(verification.passed()).isFalse();
        assertThat(verification.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Problem.Severity.ERROR);
            assertThat(problem.source()).isEqualTo(useCases.toString());
            assertThat(problem.line()).isPositive();
            assertThat(problem.message()).contains("cites claim 'UC-99'");
        });
        assertThat(verification.warnings()).singleElement().satisfies(problem -> {
            assertThat(problem.toCompilerLine()).contains(": warning: term 'retail' for field 'domain' is not among the manifest's known words");
        });
    }
}
