package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;

/**
 * Mistakes that used to pass or mislead (issue 16): each is one clear error at the file and line an
 * author edits.
 */
class AuthoringMistakesCommandTest {
    private static final String PANDAS_ROW = "Pandas in the stack favours Python,pandas,python,FLC-2,";

    @TempDir
    Path temp;

    /** The bundled rules with one text replaced in one file. */
    private RulesCopy rulesWith(String file, String from, String to) {
        return RulesCopy.of("rules", temp.resolve("rules")).replace(file, from, to);
    }

    private RulesCopy liveChatScenario() {
        RulesCopy facts = RulesCopy.of("facts", temp.resolve("facts"));
        RulesCopy.of("facts/expected", temp.resolve("facts/expected"));
        return facts;
    }

    @Test
    void whenATableRowGivesAWeightWhereItsClaimGoes_thenExit4AtTheCellSayingWeightsAreInTheManifest() {
        RulesCopy rules = rulesWith("library-ecosystems.csv", PANDAS_ROW, "Pandas in the stack favours Python,pandas,python,-3,");
        CommandRun run = CommandRun.verify(rules);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).contains(rules.file("library-ecosystems.csv") + ":12:50: error: rule \"Pandas in the stack favours Python\""
                + " gives its evidence the number -3 where the claim ID goes", "each claim's weight is in manifest.json",
                "such as FLC-2");
        assertThat(run.out).contains("not verified, 1 error, 0 warnings");
    }

    @Test
    void whenATableRowHasNoName_thenExit4AtTheRowsRuleCell() {
        RulesCopy rules = rulesWith("library-ecosystems.csv", PANDAS_ROW, ",pandas,python,FLC-2,");
        CommandRun run = CommandRun.verify(rules);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).contains(rules.file("library-ecosystems.csv") + ":12:1: error: row 12 names no rule: its Rule cell is empty");
    }

    @Test
    void whenADrlStringIsNotClosed_thenOneUnbalancedQuoteErrorAndNotCitesNoClaim() {
        RulesCopy rules = rulesWith("backstory.drl", "@claims(\"BACK-2\")", "@claims(\"BACK-2)");
        CommandRun run = CommandRun.verify(rules);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).contains(rules.file("backstory.drl") + ":10:35: error: unbalanced quote: the string opened here is not closed on its line");
        assertThat(run.out).doesNotContain("cites no claim", "mismatched input").contains("not verified, 1 error, 0 warnings");
    }

    @Test
    void whenATableCellHasAnUnbalancedQuote_thenExit4NamingTheQuoteAtItsCell() {
        RulesCopy rules = rulesWith("library-ecosystems.csv", "Python's data analysis library,\"Frameworks",
                "\"Python's data analysis library,\"Frameworks");
        CommandRun run = CommandRun.verify(rules);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).contains(rules.file("library-ecosystems.csv") + ":12:56: error: unbalanced quote in row 12: "
                + "text follows the quote that closes this cell");
        assertThat(run.out).doesNotContain("cites claim", "no rule cites").contains("1 error, 0 warnings");
    }

    @Test
    void whenAnExpectedVerdictIsNotACandidate_thenExit3WithTheCandidateItMeant() {
        RulesCopy facts = liveChatScenario().replace("expected/live-chat.json", "\"verdict\": \"nodejs\"", "\"verdict\": \"nodjs\"");
        CommandRun run = CommandRun.of("test", facts.file("live-chat.json").toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        assertThat(run.err).contains(facts.file("expected/live-chat.json") + ":2:14: $.verdict: unknown candidate 'nodjs' in "
                + facts.file("expected/live-chat.json") + "; did you mean 'nodejs'?");
        assertThat(run.out).doesNotContain("expected nodjs but was nodejs");
    }

    @Test
    void whenAnExpectedAbsentClaimIsNotAClaim_thenExit3AtItsLine() {
        RulesCopy facts = liveChatScenario().replace("expected/live-chat.json", "\"PF-T2\",", "\"CON-9\",");
        CommandRun run = CommandRun.of("test", facts.file("live-chat.json").toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        assertThat(run.err).containsPattern(java.util.regex.Pattern.quote(facts.file("expected/live-chat.json").toString())
                + ":\\d+:\\d+: \\$\\.absentClaims\\[0\\]: unknown claim 'CON-9' in .*; did you mean 'CON-1'\\?");
    }
}
