package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;

/**
 * Compile errors in the author's terms: placed at the line and column the author wrote (the
 * {@code then} line, the table's row and cell), in words about rules and facts, with no class name
 * Drools generated, one message per mistake.
 */
class CompileErrorsCommandTest {
    private static final String V8_RULE = "rule \"Real-time work favours Node.js for the speed of its V8 engine\"";
    private static final String V8_EVIDENCE = "    insertLogical(new Evidence(\"nodejs\", \"BACK-2\", \"V8";

    @TempDir
    Path temp;

    private RulesCopy backstoryWith(String from, String to) {
        return RulesCopy.of("rules", temp.resolve("rules")).replace("backstory.drl", from, to);
    }

    private static CommandRun verifyWithoutGeneratedNames(RulesCopy rules) {
        CommandRun run = CommandRun.verify(rules);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).doesNotContain("Rule_", "$u45$", "Rule Compilation error").contains("not verified, 1 error, 0 warnings");
        return run;
    }

    @Test
    void whenAThenLineMisspellsInsertLogical_thenVerifyNamesThatLineAndTheActionItMeant() {
        RulesCopy rules = backstoryWith(V8_EVIDENCE, V8_EVIDENCE.replace("insertLogical", "insertLogicl"));
        CommandRun run = verifyWithoutGeneratedNames(rules);
        assertThat(run.out).contains(rules.file("backstory.drl") + ":14:5: error: " + V8_RULE
                + ": unknown action `insertLogicl`: did you mean `insertLogical`?");
    }

    @Test
    void whenAConditionLacksAComma_thenVerifyPointsAtTheWordAfterItInPlainWords() {
        RulesCopy rules = backstoryWith("    Characteristic( name == \"real-time\" )", "    Characteristic( name == \"real-time\" this != null )");
        CommandRun run = verifyWithoutGeneratedNames(rules);
        assertThat(run.out).contains(rules.file("backstory.drl") + ":12:41: error: " + V8_RULE
                + ": unexpected `this` here: is a comma, an operator, a quote or a parenthesis missing before it?").doesNotContain("[ERR");
    }

    @Test
    void whenATextInAConsequenceLacksItsQuotes_thenVerifyNamesTheWordAtItsColumn() {
        RulesCopy rules = backstoryWith(V8_EVIDENCE, "    insertLogical(new Evidence(\"nodejs\", \"BACK-2\", two + \"V8");
        CommandRun run = verifyWithoutGeneratedNames(rules);
        assertThat(run.out).contains(rules.file("backstory.drl") + ":14:52: error: " + V8_RULE + ": unknown name `two`: a text needs quotes");
    }

    @Test
    void whenAFactTypeIsMisspelt_thenVerifySaysItIsAnUnknownFactType() {
        RulesCopy rules = backstoryWith(V8_EVIDENCE, V8_EVIDENCE.replace("new Evidence", "new Evidnce"));
        CommandRun run = verifyWithoutGeneratedNames(rules);
        assertThat(run.out).contains(rules.file("backstory.drl") + ":14:23: error: " + V8_RULE + ": unknown fact type `Evidnce`");
    }

    @Test
    void whenEvidenceIsMadeWithoutItsText_thenVerifyPointsToHowToMakeOne() {
        RulesCopy rules = RulesCopy.of("rules", temp.resolve("rules"));
        String backstory = rules.read("backstory.drl");
        Matcher evidence = Pattern.compile("new Evidence\\(\"nodejs\", \"BACK-2\", \"[^\"]*\"\\)").matcher(backstory);
        assertThat(evidence.find()).isTrue();
        rules.write("backstory.drl", backstory.replace(evidence.group(), "new Evidence(\"nodejs\", \"BACK-2\")"));
        CommandRun run = verifyWithoutGeneratedNames(rules);
        assertThat(run.out).contains(rules.file("backstory.drl") + ":14:23: error: " + V8_RULE
                + ": no Evidence is made from (String, String): `stack-advisor types` shows how to make one");
    }

    @Test
    void whenAConditionMissesItsClosingParenthesis_thenOneMessageAndNoFalseUnknownTerms() {
        RulesCopy rules = RulesCopy.of("rules", temp.resolve("rules")).replace("use-cases.drl",
                "    Term( field == \"traits\", value == \"fast-runtime\" )\nthen", "    Term( field == \"traits\", value == \"fast-runtime\"\nthen");
        CommandRun run = verifyWithoutGeneratedNames(rules);
        assertThat(run.out).contains(rules.file("use-cases.drl") + ":83:", "a condition is not closed before 'then': is a ')' missing"
                + " at the end of line 83?");
        assertThat(run.out).doesNotContain("unknown term");
    }

    @Test
    void whenATableCellHoldsAWordWhereItsCodeWantsANumber_thenVerifyNamesTheRowAndColumn() {
        // given a table whose Claim column is a number (FLC-<n>), and the Pandas row's number written as a word
        RulesCopy rules = RulesCopy.of("rules", temp.resolve("rules")).replace("library-ecosystems.csv",
                "String claim = \"\"$param\"\";", "String claim = \"\"FLC-\"\" + $param;");
        String table = rules.read("library-ecosystems.csv").replaceAll("(?m)^([^,\\n]+,[^,\\n]+,[^,\\n]+,)FLC-(\\d+),", "$1$2,");
        rules.write("library-ecosystems.csv", table.replace("Pandas in the stack favours Python,pandas,python,2,",
                "Pandas in the stack favours Python,pandas,python,two,"));
        // when
        CommandRun run = verifyWithoutGeneratedNames(rules);
        // then the cell at row 12, column 50
        assertThat(run.out).contains(rules.file("library-ecosystems.csv") + ":12:50: error: rule \"Pandas in the stack favours Python\":"
                + " the table's cell holds `two`, which its column's code uses as a number, not as text: write a whole number in digits");
    }
}
