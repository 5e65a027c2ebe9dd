package org.stackadvisor.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The compiler's words turned into the author's, for the messages the command tests cannot easily provoke. */
class CompileMessagesTest {
    private static final String DRL = String.join("\n",
            "package org.stackadvisor.rules;",
            "rule \"Cold start\"",
            "    @section(\"Performance\") @claims(\"PF-1\")",
            "when",
            "    Term( field == \"traits\", value == \"fast-runtime\" )",
            "then",
            "    int weight = 2.5;",
            "    insertLogical(new Evidence(\"nodejs\", \"PF-1\", \"fast\"));",
            "end", "");

    @Test
    void whenADecimalGoesWhereAWholeNumberIsNeeded_thenTheMessageSaysSoInWordsAboutTheRule() {
        CompileMessages.Placed placed = CompileMessages.translate(
                "Rule Compilation error Type mismatch: cannot convert from double to int", DRL, 2, 1, false);
        assertThat(placed.message).isEqualTo("rule \"Cold start\": a whole number is needed here, not a decimal one");
        assertThat(placed.line).isEqualTo(2);
    }

    @Test
    void whenAMessageIsUnknown_thenTheGeneratedClassNameBecomesTheRulesName() {
        CompileMessages.Placed placed = CompileMessages.translate(
                "Rule Compilation error Something odd in Rule_Cold_start123456", DRL, 2, 1, false);
        assertThat(placed.message).isEqualTo("Something odd in rule \"Cold start\"").doesNotContain("Rule_");
    }

    @Test
    void whenAnUndefinedMethodIsCalledInAThenPart_thenItIsPlacedOnItsLine() {
        String drl = DRL.replace("insertLogical(", "insertLogicl(");
        CompileMessages.Placed placed = CompileMessages.translate(
                "Rule Compilation error The method insertLogicl(Evidence) is undefined for the type Rule_Cold_start123456", drl, 2, 1, false);
        assertThat(placed.message).isEqualTo("rule \"Cold start\": unknown action `insertLogicl`: did you mean `insertLogical`?");
        assertThat(placed.line).isEqualTo(8);
        assertThat(placed.column).isEqualTo(5);
    }
}
