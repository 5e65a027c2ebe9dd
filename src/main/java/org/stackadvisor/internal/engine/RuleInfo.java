package org.stackadvisor.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the trace says of one rule: its name, section, cited claims, file, line and hash. */
public final class RuleInfo {
    public final String name;
    public final String section;
    public final List<String> claims;
    public final String file;
    public final int line;
    final String sha256;
    /** The rule's negated conditions ({@code not Type( ... )}), which a proof names because no fact shows them. */
    final List<Negation> negations;

    /** A {@code not} condition of a rule: the type it asks about, its text, and whether it compares with the rule's bound variables. */
    static final class Negation {
        final String type;
        final String condition;
        /**
         * Whether the condition compares with a variable the rule bound (such as
         * {@code not Score( candidate != $candidate, total > $total - $margin )}): the facts of its
         * type that are present are then what the rule measured against, and the proof names them.
         */
        final boolean measuresAgainstFacts;

        /** From its text, {@code not Type( ... )}. */
        Negation(String condition) {
            String type = condition.substring("not ".length(), condition.indexOf('(')).trim();
            this.type = type.substring(type.lastIndexOf('.') + 1);
            this.condition = condition;
            this.measuresAgainstFacts = condition.indexOf('$') >= 0;
        }
    }

    private static final Pattern NOT = Pattern.compile("\\bnot\\s*(\\(\\s*)?([A-Z][\\w.]*)\\s*\\(");

    RuleInfo(String name, String section, List<String> claims, String file, int line, String sha256, List<Negation> negations) {
        this.name = name;
        this.section = section;
        this.claims = List.copyOf(claims);
        this.file = file;
        this.line = line;
        this.sha256 = sha256;
        this.negations = List.copyOf(negations);
    }

    /** Reads {@code @section} and {@code @claims} from a rule's metadata. */
    static RuleInfo of(String name, Map<String, Object> metadata, RuleSource source) {
        Object section = metadata.get("section");
        return new RuleInfo(name, section == null ? "" : unquote(section.toString()), claimIds(metadata.get("claims")),
                source == null ? "" : source.file, source == null ? 0 : source.line, source == null ? "" : source.sha256(),
                source == null ? List.of() : negations(source.text));
    }

    /**
     * The {@code not Type( ... )} conditions between a rule's {@code when} and {@code then}, each
     * with its parentheses balanced and its whitespace collapsed. Comments are not conditions.
     */
    static List<Negation> negations(String ruleText) {
        String text = ruleText.replaceAll("//[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
        Matcher when = Pattern.compile("\\bwhen\\b").matcher(text);
        Matcher then = Pattern.compile("\\bthen\\b").matcher(text);
        if (!when.find() || !then.find(when.end())) {
            return List.of();
        }
        String conditions = text.substring(when.end(), then.start());
        List<Negation> negations = new ArrayList<>(1);
        Matcher not = NOT.matcher(conditions);
        int from = 0;
        while (not.find(from)) {
            int open = not.end() - 1;
            int depth = 0;
            int close = open;
            for (; close < conditions.length(); close++) {
                char c = conditions.charAt(close);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            if (close >= conditions.length()) {
                break;
            }
            String pattern = conditions.substring(not.start(2), close + 1).replaceAll("\\s+", " ");
            negations.add(new Negation("not " + pattern));
            from = close + 1;
        }
        return negations;
    }

    static List<String> claimIds(Object claims) {
        if (claims == null) {
            return List.of();
        }
        return Arrays.stream(unquote(claims.toString()).split("[,\\s]+"))
                .map(String::trim).filter(id -> !id.isEmpty()).collect(Collectors.toList());
    }

    private static String unquote(String text) {
        String trimmed = text.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }
}
