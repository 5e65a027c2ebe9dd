package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;

/** {@code verify}: compile errors and lint findings as {@code path:line:column: error|warning: message}, exit 4 on errors. */
class VerifyCommandTest {
    @TempDir
    Path temp;

    private RulesCopy rules() {
        return RulesCopy.of("rules", temp.resolve("rules"));
    }

    private static CommandRun verify(RulesCopy rules) {
        return CommandRun.of("verify", "--rules", rules.toString());
    }

    @Test
    void whenTheBundledRulesAreVerified_thenExit0WithNoProblem() {
        // given the bundled rule base; when
        CommandRun run = CommandRun.of("verify");
        // then
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("bundled rule base: verified, 0 errors, 0 warnings");
    }

    @Test
    void whenTheRulesFolderIsVerified_thenExit0() {
        CommandRun run = CommandRun.of("verify", "--rules", "rules");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("rules: verified, 0 errors");
    }

    @Test
    void whenADrlFileHasASyntaxError_thenExit4WithPathLineColumnError() {
        // given a rule whose condition misses its closing parenthesis
        RulesCopy rules = rules().replace("backstory.drl", "Characteristic( name == \"real-time\" )", "Characteristic( name == \"real-time\" ");
        // when
        CommandRun run = verify(rules);
        // then
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).containsPattern(java.util.regex.Pattern.quote(rules.file("backstory.drl").toString()) + ":\\d+:\\d+: error: ");
        assertThat(run.out + run.err).doesNotContain("\tat ", "Exception");
    }

    @Test
    void whenAConditionHasAVocabularyTypo_thenExit4NamingTheTermAndTheSuggestion() {
        // given "real-tme" in an `in (...)` list of a condition
        RulesCopy rules = rules().replace("classification.drl", "value in (\"real-time\", \"chat\", \"streaming\")",
                "value in (\"real-tme\", \"chat\", \"streaming\")");
        // when
        CommandRun run = verify(rules);
        // then the typo is named at its line and column, with the suggestion
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).containsPattern(java.util.regex.Pattern.quote(rules.file("classification.drl").toString())
                + ":15:\\d+: error: unknown term 'real-tme' for field 'traits'.*did you mean 'real-time'\\?");
    }

    @Test
    void whenATermIsMisspeltInsideAnOrCombination_thenItIsCheckedAgainstItsOwnField() {
        // given a typo in the second half of `(field == "systemSize" && ...) || (field == "traits" && value == "high-load")`
        RulesCopy rules = rules().replace("classification.drl", "value == \"high-load\"", "value == \"high-lod\"");
        // when
        CommandRun run = verify(rules);
        // then
        assertThat(run.exitCode).isEqualTo(4);
        assertThat(run.out).contains("error: unknown term 'high-lod' for field 'traits'", "did you mean 'high-load'?");
        assertThat(run.out).doesNotContain("'medium'", "'large'");
    }

    @Test
    void whenAConditionMatchesACharacteristicNoRuleDerives_thenExit4WithTheSuggestion() {
        RulesCopy rules = rules().replace("backstory.drl", "Characteristic( name == \"real-time\" )", "Characteristic( name == \"realtime\" )");
        CommandRun run = verify(rules);
        assertThat(run.exitCode).isEqualTo(4);
        assertThat(run.out).contains(rules.file("backstory.drl") + ":12:30: error: no rule derives the characteristic 'realtime'",
                "did you mean 'real-time'?");
    }

    @Test
    void whenAConditionNamesAnUnknownField_thenExit4WithTheSuggestion() {
        RulesCopy rules = rules().replace("performance.drl", "Term( field == \"traits\", value == \"fast-runtime\" )",
                "Term( field == \"trait\", value == \"fast-runtime\" )");
        CommandRun run = verify(rules);
        assertThat(run.exitCode).isEqualTo(4);
        assertThat(run.out).contains("error: unknown field 'trait' in a Term condition", "did you mean 'traits'?");
    }

    @Test
    void whenARuleLosesItsClaimMetadata_thenExit4() {
        // given a rule without @claims
        RulesCopy rules = rules().replace("backstory.drl", "@claims(\"BACK-2\")", "");
        // when
        CommandRun run = verify(rules);
        // then the rule is named at its line, and so is the evidence it inserts for a claim it no longer cites
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).contains(rules.file("backstory.drl") + ":9:1: error: rule "
                + "\"Real-time work favours Node.js for the speed of its V8 engine\" cites no claim",
                rules.file("backstory.drl") + ":14:43: error: rule \"Real-time work favours Node.js for the speed of its V8 engine\""
                + " inserts evidence for claim BACK-2 but does not cite it");
    }

    @Test
    void whenASignalClaimIsCitedByNoRule_thenAWarningAndExit0() {
        // given a new signal claim in the catalogue that no rule encodes yet
        RulesCopy rules = rules().replace("manifest.json", "\"claims\": [\n", "\"claims\": [\n    { \"id\": \"NEW-1\", "
                + "\"section\": \"Backstory\", \"kind\": \"signal\", \"leans\": \"python\", \"paraphrase\": \"A claim not encoded yet.\" },\n");
        // when
        CommandRun run = verify(rules);
        // then it is a warning, placed at the claim's ID in the manifest
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).containsPattern(java.util.regex.Pattern.quote(rules.file("manifest.json").toString())
                + ":\\d+:\\d+: warning: claim NEW-1 is a signal claim that no rule cites");
        assertThat(run.out).contains("verified, 0 errors, 1 warning");
    }

    @Test
    void whenARuleCitesAClaimTheCatalogueLacks_thenExit4WithTheSuggestion() {
        RulesCopy rules = rules().replace("backstory.drl", "@claims(\"BACK-2\")", "@claims(\"BACK-22\")");
        CommandRun run = verify(rules);
        assertThat(run.exitCode).isEqualTo(4);
        assertThat(run.out).contains("cites claim 'BACK-22', which the manifest's claim catalogue does not have; did you mean 'BACK-2'?");
    }

    @Test
    void whenTwoFilesDeclareTheSameRuleName_thenExit4NamingTheFirst() {
        RulesCopy rules = rules();
        String backstory = rules.read("backstory.drl");
        rules.write("copy-of-backstory.drl", backstory);
        CommandRun run = verify(rules);
        assertThat(run.exitCode).isEqualTo(4);
        assertThat(run.out).contains("error: duplicate rule name", "first declared at " + rules.file("backstory.drl") + ":");
    }

    @Test
    void whenAConsequenceRetractsAFact_thenExit4() {
        RulesCopy rules = rules().replace("backstory.drl", "Characteristic( name == \"real-time\" )",
                "$realTime : Characteristic( name == \"real-time\" )")
                .replace("backstory.drl", "then\n", "then\n    delete($realTime);\n");
        CommandRun run = verify(rules);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).contains("error: rule", "calls delete(...): rules never change or remove facts");
    }

    @Test
    void whenARuleNamesAnUnknownCandidate_thenExit4() {
        RulesCopy rules = rules().replace("backstory.drl", "new Evidence(\"nodejs\"", "new Evidence(\"nodjs\"");
        CommandRun run = verify(rules);
        assertThat(run.exitCode).isEqualTo(4);
        assertThat(run.out).contains(rules.file("backstory.drl") + ":14:33: error: unknown candidate 'nodjs'", "did you mean 'nodejs'?");
    }

    @Test
    void whenTheManifestHasAnError_thenExit4WithItsLine() {
        RulesCopy rules = rules().replace("manifest.json", "\"kind\": \"context\", \"leans\": \"python\"",
                "\"kind\": \"contxt\", \"leans\": \"python\"");
        CommandRun run = verify(rules);
        assertThat(run.exitCode).isEqualTo(4);
        assertThat(run.out).containsPattern(java.util.regex.Pattern.quote(rules.file("manifest.json").toString())
                + ":\\d+:\\d+: error: \\$\\.claims\\[0\\]\\.kind: unknown claim kind 'contxt'");
    }

    @Test
    void whenATableRowNamesAnUnknownLibrary_thenExit4WithItsRowAndColumn() {
        // given a typo in the Library cell of the django row (row 10, the cell after the rule name)
        RulesCopy rules = rules().replace("library-ecosystems.csv", "Python,django,python", "Python,djangoo,python");
        // when
        CommandRun run = verify(rules);
        // then the row and the cell's column are named
        int column = "Django in the stack favours Python,".length() + 1;
        assertThat(run.exitCode).isEqualTo(4);
        assertThat(run.out).contains(rules.file("library-ecosystems.csv") + ":10:" + column
                + ": error: unknown term 'djangoo' for field 'libraries'", "did you mean 'django'?");
    }

    @Test
    void whenATableCellDoesNotCompile_thenExit4WithItsRowAndColumn() {
        // given a claim cell in the pandas row (row 12) ending in a backslash, which escapes the quote that closes
        // the Java string the cell is put in (the table's cells are all strings now that a row names a claim, not a weight)
        RulesCopy rules = rules().replace("library-ecosystems.csv", "pandas,python,FLC-2,", "pandas,python,FLC-2\\,");
        // when
        CommandRun run = verify(rules);
        // then
        int column = "Pandas in the stack favours Python,pandas,python,".length() + 1;
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).contains(rules.file("library-ecosystems.csv") + ":12:" + column + ": error: ");
        assertThat(run.out + run.err).doesNotContain("\tat ");
    }

    @Test
    void whenVerifyIsAskedForJson_thenEachProblemIsAnObjectWithFileLineColumnAndSeverity() {
        RulesCopy rules = rules().replace("backstory.drl", "@claims(\"BACK-2\")", "@claims(\"BACK-22\")");
        CommandRun run = CommandRun.of("verify", "--rules", rules.toString(), "--format", "json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).contains("\"passed\" : false", "\"severity\" : \"error\"",
                "\"file\" : \"" + rules.file("backstory.drl") + "\"",
                "\"line\" : 10", "cites claim 'BACK-22'");
        assertThat(run.out.trim()).startsWith("{").endsWith("}");
    }

    @Test
    void whenTheBundledRulesAreVerifiedAsJson_thenTheyPassWithNoProblem() {
        CommandRun run = CommandRun.of("verify", "--format", "json");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("\"ruleBase\" : \"bundled:\"", "\"passed\" : true", "\"errors\" : 0", "\"problems\" : [ ]");
    }

    @Test
    void whenLintIsRun_thenItIsVerifyUnderAnotherName() {
        RulesCopy rules = rules().replace("backstory.drl", "@claims(\"BACK-2\")", "");
        CommandRun lint = CommandRun.of("lint", "--rules", rules.toString());
        CommandRun verify = verify(rules);
        assertThat(lint.exitCode).as(lint.toString()).isEqualTo(4);
        assertThat(lint.out).isEqualTo(verify.out).contains("cites no claim");
    }
}
