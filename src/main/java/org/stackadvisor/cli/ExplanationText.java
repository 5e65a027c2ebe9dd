package org.stackadvisor.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.explain.Alternative;
import org.stackadvisor.explain.NearestChanges;
import org.stackadvisor.explain.RuleReference;
import org.stackadvisor.explain.WhatIf;
import org.stackadvisor.explain.WhyNotCandidate;
import org.stackadvisor.explain.WhyNotRule;

/** Renders what-if and why-not explanations as text for a reader. */
final class ExplanationText {
    /** What a search looked for, worded for one change and for several. */
    private static final class Goal {
        final String singular;
        final String plural;

        Goal(String singular, String plural) {
            this.singular = singular;
            this.plural = plural;
        }
    }

    private ExplanationText() {
    }

    static String render(WhatIf whatIf) {
        StringBuilder text = opening(whatIf.decision());
        nearest(text, "  ", whatIf.search(), new Goal("alters the verdict", "alter the verdict"), true);
        return text.toString();
    }

    static String render(WhyNotRule why) {
        StringBuilder text = opening(why.decision());
        text.append("  Rule:    ").append(rule(why.rule())).append('\n');
        if (why.fired()) {
            text.append("  It fired: the decision rests on it.\n");
        } else {
            text.append("  It did not fire.\n");
            nearest(text, "  ", why.nearestChanges(), new Goal("makes it fire", "make it fire"), true);
        }
        return text.toString();
    }

    static String render(WhyNotCandidate why) {
        StringBuilder text = opening(why.decision());
        String candidate = why.candidate();
        if (why.won()) {
            text.append("  ").append(candidate).append(" won: it is the verdict.\n");
            return text.toString();
        }
        text.append("  ").append(candidate).append(why.gap() > 0 ? " is " + why.gap() + " points behind" : " is not behind")
                .append("; it needs ").append(why.pointsNeeded()).append(" more to lead by the margin of ")
                .append(why.margin()).append(".\n");
        List<WhyNotCandidate.Supporter> lacking = why.supporters().stream().filter(supporter -> !supporter.counted())
                .collect(Collectors.toList());
        List<WhyNotCandidate.Supporter> counted = why.supporters().stream().filter(WhyNotCandidate.Supporter::counted)
                .collect(Collectors.toList());
        text.append("  Rules that would have supported ").append(candidate).append(lacking.isEmpty() ? ": none\n" : ":\n");
        Goal goal = new Goal("makes it support " + candidate, "make it support " + candidate);
        for (WhyNotCandidate.Supporter supporter : lacking) {
            text.append("    ").append(weight(supporter)).append(rule(supporter.rule()));
            if (supporter.closesGap()) {
                text.append(" (its weight alone would close the gap)");
            }
            text.append('\n');
            nearest(text, "      ", supporter.nearestChanges(), goal, false);
        }
        text.append("  Already counted for ").append(candidate).append(counted.isEmpty() ? ": none\n" : ":\n");
        for (WhyNotCandidate.Supporter supporter : counted) {
            text.append("    ").append(weight(supporter)).append(rule(supporter.rule())).append('\n');
        }
        return text.toString();
    }

    private static StringBuilder opening(Decision decision) {
        StringBuilder text = new StringBuilder().append(Text.safe(decision.project())).append('\n')
                .append("  Verdict: ").append(decision.verdict()).append(" (").append(scores(decision.scores())).append(")\n");
        for (Conclusion tension : decision.tensions()) {
            text.append("  Tension: ").append(tension.text()).append('\n');
        }
        return text;
    }

    private static void nearest(StringBuilder text, String indent, NearestChanges nearest, Goal goal, boolean showRules) {
        int found = nearest.alternatives().size();
        if (found > 0 && nearest.distance() == 1) {
            text.append(indent).append("Single changes that ").append(goal.plural).append(" (").append(found)
                    .append(" of ").append(nearest.singleChangesTried()).append(" tried):\n");
        } else {
            text.append(indent).append("No single change ").append(goal.singular).append(" (")
                    .append(nearest.singleChangesTried()).append(" tried)");
            if (nearest.pairLimit() == 0 && found == 0) {
                text.append("; pairs of changes were not tried (--pair-limit 0).\n");
                return;
            }
            String pairs = nearest.pairsTried() + " tried" + (nearest.cutShort()
                    ? "; cut short at the limit of " + nearest.pairLimit() + " pairs" : "");
            text.append(found > 0 ? ". Pairs of changes that do (" + found + " of " + pairs + "):\n"
                    : ", nor does any pair of changes (" + pairs + ").\n");
        }
        int number = 1;
        for (Alternative alternative : nearest.alternatives()) {
            String itemIndent = indent + "  ";
            text.append(itemIndent).append(number++).append(". ").append(alternative.text()).append('\n');
            String detailIndent = itemIndent + "   ";
            text.append(detailIndent).append("-> ").append(alternative.verdict()).append(" (")
                    .append(scores(alternative.scores())).append(")\n");
            if (showRules) {
                alternative.rulesStopped().forEach(rule -> text.append(detailIndent).append("stops firing:  ")
                        .append(rule(rule)).append('\n'));
                alternative.rulesStarted().forEach(rule -> text.append(detailIndent).append("starts firing: ")
                        .append(rule(rule)).append('\n'));
            }
        }
    }

    private static String weight(WhyNotCandidate.Supporter supporter) {
        return supporter.weight() == null ? "" : "+" + supporter.weight() + " ";
    }

    private static String rule(RuleReference rule) {
        return "\"" + rule.name() + "\" [" + String.join(", ", rule.claims()) + "]";
    }

    private static String scores(Map<String, Integer> scores) {
        return scores.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
    }
}
