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

    /** The rule of use-cases.drl that asks for a small system that must run very fast, with its second condition replaced. */
    private RulesCopy smallFastRuleAsking(String secondCondition) {
        return rulesWith("use-cases.drl", "    Term( field == \"systemSize\", value == \"small\" )\n"
                + "    Term( field == \"traits\", value == \"fast-runtime\" )", "    Term( field == \"systemSize\", value == \"small\" )\n"
                + secondCondition);
    }

    private static final String SMALL_FAST = "rule \"A small application that must run very fast favours Node.js\"";

    @Test
    void whenARuleAsksSystemSizeToBeSmallAndLarge_thenVerifyExits4AtItsLineSayingItCanNeverFire() {
        RulesCopy rules = smallFastRuleAsking("    Term( field == \"systemSize\", value == \"large\" )");
        CommandRun run = CommandRun.verify(rules);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).contains(rules.file("use-cases.drl") + ":83:44: error: " + SMALL_FAST + " can never fire: it asks for"
                + " systemSize 'small' (line 82) and 'large' at once, and a project's systemSize has one value");
    }

    @Test
    void whenAnEvalHoldsAMisspeltTerm_thenVerifyExits4WithTheTermItMeant() {
        RulesCopy rules = smallFastRuleAsking("    $trait : Term( field == \"traits\" )\n    eval( $trait.getValue().equals(\"fast-runtme\") )");
        CommandRun run = CommandRun.verify(rules);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).contains(rules.file("use-cases.drl") + ":84:", "'fast-runtme' inside eval(...) is no term",
                "did you mean 'fast-runtime'?");
    }

    @Test
    void whenARuleUsesStrStartsWith_thenVerifyAndDecideRefuseItWithoutATrace() {
        RulesCopy rules = smallFastRuleAsking("    Term( field == \"traits\", value str[startsWith] \"fast\" )");
        CommandRun verify = CommandRun.verify(rules);
        CommandRun decide = CommandRun.of("decide", "--rules", rules.toString(), "facts/small-fast-price-api.json");
        assertThat(verify.exitCode).as(verify.toString()).isEqualTo(4);
        assertThat(verify.out).contains(rules.file("use-cases.drl") + ":83:36: error: " + SMALL_FAST + " uses the operator"
                + " str[startsWith], which compiles but fails when a decision runs it", "write value matches \"x.*\" instead");
        assertThat(verify.out).contains("1 error, 0 warnings");
        assertThat(decide.exitCode).as(decide.toString()).isEqualTo(4);
        assertThat(decide.out + decide.err).doesNotContain("NoSuchMethodError", "\tat ");
    }

    @Test
    void whenARuleUsesMatchesInstead_thenItVerifiesAndDecides() {
        RulesCopy rules = smallFastRuleAsking("    Term( field == \"traits\", value matches \"fast-run.*\" )");
        assertThat(CommandRun.verify(rules).exitCode).isZero();
        CommandRun decide = CommandRun.of("decide", "--rules", rules.toString(), "facts/small-fast-price-api.json");
        assertThat(decide.exitCode).as(decide.toString()).isZero();
        assertThat(decide.out).contains("A small application that must run very fast");
    }

    /** A rule that, once a project names chat, derives a new characteristic from every characteristic, forever. */
    private RulesCopy loopingRule() {
        return loopingRuleOn("    Term( field == \"traits\", value == \"chat\" )");
    }

    private RulesCopy loopingRuleOn(String conditions) {
        return RulesCopy.of("rules", temp.resolve("rules")).write("loop.drl", String.join("\n",
                "package org.stackadvisor.rules;",
                "import org.stackadvisor.internal.facts.Term;",
                "import org.stackadvisor.internal.facts.Characteristic;",
                "rule \"Chat breeds ever-new characteristics\"",
                "    @section(\"Use cases\") @claims(\"UC-3\")",
                "when",
                conditions,
                "    $characteristic : Characteristic( )",
                "then",
                "    insertLogical(new Characteristic($characteristic.getName() + \"+\"));",
                "end", ""));
    }

    @Test
    void whenARuleDerivesEverNewFacts_thenVerifyExits4NamingTheRuleAndTheProbe() {
        RulesCopy rules = loopingRule();
        CommandRun run = CommandRun.verify(rules);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).contains(rules.file("loop.drl") + ":4:1: error: rule \"Chat breeds ever-new characteristics\" loops:"
                + " deciding the probe traits=chat, the rules fired more than");
    }

    @Test
    void whenAnalyzeMeetsALoopingRule_thenItNamesTheProbesThatLoopedAndFinishes() {
        RulesCopy rules = loopingRule();
        CommandRun run = CommandRun.of("analyze", "--rules", rules.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("Loops (probes under which the rules did not settle): ",
                "  traits=chat: the rules fired more than", "\"Chat breeds ever-new characteristics\"", "Ties (evidence on some side");
    }

    @Test
    void whenARuleLoopsOnlyOnThreeFactsAtOnce_thenVerifyWithFactsNamesTheScenarioThatLooped() throws java.io.IOException {
        RulesCopy rules = loopingRuleOn("    Term( field == \"traits\", value == \"chat\" )\n    Term( field == \"traits\", value == \"streaming\" )\n"
                + "    Term( field == \"traits\", value == \"3d-rendering\" )");
        Path facts = temp.resolve("three-traits.json");
        java.nio.file.Files.writeString(facts, "{ \"name\": \"Three at once\", \"traits\": [\"chat\", \"streaming\", \"3d-rendering\"] }");
        // the probes (one or two terms) and the examples do not reach it
        assertThat(CommandRun.verify(rules).exitCode).isZero();
        // when the scenario facts are decided too
        CommandRun run = CommandRun.of("verify", "--rules", rules.toString(), "--facts", facts.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).contains(rules.file("loop.drl") + ":4:1: error: rule \"Chat breeds ever-new characteristics\" loops:"
                + " deciding the scenario " + facts + ", the rules fired more than");
    }

    @Test
    void whenARuleLoopsOnlyOnAnExampleBesideTheRules_thenVerifyWithoutFactsNamesThatExample() throws java.io.IOException {
        RulesCopy rules = loopingRuleOn("    Term( field == \"traits\", value == \"chat\" )\n    Term( field == \"traits\", value == \"streaming\" )\n"
                + "    Term( field == \"traits\", value == \"3d-rendering\" )");
        Path examples = java.nio.file.Files.createDirectories(Path.of(rules.toString()).resolve("facts"));
        Path example = examples.resolve("three-traits.json");
        java.nio.file.Files.writeString(example, "{ \"name\": \"Three at once\", \"traits\": [\"chat\", \"streaming\", \"3d-rendering\"] }");
        // when verify runs with no facts named: the rule base's examples (DIR/facts) are decided too
        CommandRun run = CommandRun.verify(rules);
        assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
        assertThat(run.out).contains("rule \"Chat breeds ever-new characteristics\" loops: deciding the scenario " + example);
    }
}
