package org.stackadvisor.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.stackadvisor.Claim;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.StackAdvisor;

/**
 * Renders a decision as text for a reader: verdict, scores, reasons (with each claim's weight and why),
 * caveats, tensions, the input terms no rule weighed, and how the verdict fares under other weightings.
 */
final class DecisionText {
    private DecisionText() {
    }

    static String render(Decision decision, StackAdvisor advisor) {
        Map<String, Claim> claims = advisor.claims().stream().collect(Collectors.toMap(Claim::id, Function.identity()));
        StringBuilder text = new StringBuilder();
        text.append(Text.safe(decision.project())).append('\n');
        Conclusion verdict = decision.conclusions(Conclusion.VERDICT).get(0);
        text.append("  Verdict: ").append(decision.verdict()).append(" - ").append(verdict.text()).append('\n');
        cite(text, "           ", verdict, claims);
        text.append("  Scores:  ").append(decision.scores().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "))).append('\n');
        List<Conclusion> reasons = decision.conclusions(Conclusion.RECOMMENDATION);
        text.append("  Reasons:").append(reasons.isEmpty() ? " none of the article's signals apply\n" : "\n");
        for (Conclusion reason : reasons) {
            text.append("    +").append(reason.points()).append(' ').append(reason.candidate()).append(": ")
                    .append(reason.text()).append('\n');
            cite(text, "        ", reason, claims);
        }
        List<Conclusion> caveats = decision.conclusions(Conclusion.CAVEAT);
        text.append("  Caveats:").append(caveats.isEmpty() ? " none\n" : "\n");
        for (Conclusion caveat : caveats) {
            text.append("    ! ").append(caveat.text()).append('\n');
            cite(text, "        ", caveat, claims);
        }
        List<Conclusion> tensions = decision.tensions();
        text.append("  Tensions:").append(tensions.isEmpty() ? " none: the article does not pull this project both ways\n" : "\n");
        for (Conclusion tension : tensions) {
            text.append("    ~ ").append(tension.text()).append('\n');
            text.append("        rule: ").append(String.join("; ", tension.rules())).append('\n');
        }
        List<Decision.Unweighed> unweighed = decision.notWeighed();
        text.append("  Not weighed:").append(unweighed.isEmpty() ? " none: every input term was used\n" : "\n");
        for (Decision.Unweighed term : unweighed) {
            text.append("    - ").append(term.field()).append(' ').append(Text.safe(term.term())).append(": ")
                    .append(term.reason()).append('\n');
        }
        for (Decision.Reading reading : decision.understood()) {
            text.append("  Understood: ").append(reading.field()).append(' ').append(Text.safe(reading.given())).append(" as ")
                    .append(reading.understood()).append('\n');
        }
        text.append("  Robustness: the verdict ").append(decision.robustness().summary()).append('\n');
        text.append("  Rule base: sha256:").append(decision.knowledgeBaseSha256()).append('\n');
        text.append("  Input:     sha256:").append(decision.inputSha256()).append('\n');
        return text.toString();
    }

    private static void cite(StringBuilder text, String indent, Conclusion conclusion, Map<String, Claim> claims) {
        for (String id : conclusion.claims()) {
            Claim claim = claims.get(id);
            text.append(indent).append('[').append(id).append("] ")
                    .append(claim == null ? "(not in the claim catalogue)" : claim.paraphrase());
            if (claim != null && claim.weight() != null) {
                text.append(" (weight ").append(claim.weight()).append(": ").append(claim.rationale()).append(')');
            }
            text.append('\n');
        }
        text.append(indent).append("rule: ").append(String.join("; ", conclusion.rules())).append('\n');
    }
}
