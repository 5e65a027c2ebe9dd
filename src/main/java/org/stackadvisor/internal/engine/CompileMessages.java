package org.stackadvisor.internal.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stackadvisor.internal.vocabulary.Suggestions;

/**
 * Drools' compile errors put in the author's terms: a Java compiler message about a rule's {@code
 * then} part arrives at the rule's header line and names the class Drools generated for the rule
 * ({@code Rule_Cold$u45$start...}); here it is placed at the line and column that hold the text at
 * fault and said in words about rules and facts ("unknown action `insertLogicl`: did you mean
 * `insertLogical`?"). A message this class does not know keeps its words, with the generated class
 * replaced by the rule's name.
 */
final class CompileMessages {
    /** What a consequence may call on its own. */
    private static final List<String> ACTIONS = List.of("insertLogical", "insert");

    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\(([^)]*)\\) is undefined for the type (Rule_[\\w$]+|\\w+)");
    private static final Pattern UNRESOLVED_VARIABLE = Pattern.compile("(\\S+) cannot be resolved(?: to a variable)?$");
    private static final Pattern UNRESOLVED_TYPE = Pattern.compile("(\\w+) cannot be resolved to a type");
    private static final Pattern MISMATCH = Pattern.compile("Type mismatch: cannot convert from ([\\w.<>\\[\\]]+) to ([\\w.<>\\[\\]]+)");
    private static final Pattern UNDEFINED_CONSTRUCTOR = Pattern.compile("The constructor (\\w+)\\(([^)]*)\\) is undefined");
    private static final Pattern GENERATED_CLASS = Pattern.compile("Rule_[\\w$]+");
    private static final Pattern THEN_TOO_EARLY = Pattern.compile("mismatched input 'then' in rule \"([^\"]+)\"");
    /** The DRL parser's own errors: "[ERR 102] Line 103:28 mismatched input 'value' in rule "R"", with a 0-based column. */
    private static final Pattern PARSER = Pattern.compile(
            "\\[ERR \\d+\\] Line (\\d+):(\\d+) (mismatched input|extraneous input|no viable alternative at input|missing) '?([^']*?)'?"
                    + "(?: expecting \\S+)?(?: in rule \"([^\"]+)\")?\\s*$");

    /** A message and where it belongs: a 1-based line and column of the compiled text, and the text at fault. */
    static final class Placed {
        final String message;
        final int line;
        final int column;
        final String hint;

        Placed(String message, int line, int column, String hint) {
            this.message = message;
            this.line = line;
            this.column = column;
            this.hint = hint;
        }
    }

    private CompileMessages() {
    }

    /**
     * The message in the author's terms, placed at the text at fault inside the rule that holds
     * {@code line} of {@code drl}; unchanged when it is none of the compiler's messages known here.
     */
    static Placed translate(String message, String drl, int line, int column, boolean table) {
        String text = message.replaceFirst("^Rule Compilation error\\s*", "");
        RuleSource rule = ruleAt(drl, line);
        String ruleName = rule == null ? null : rule.name;
        Matcher then = THEN_TOO_EARLY.matcher(text);
        if (then.find()) {
            int before = lineBefore(drl, line);
            return new Placed("rule \"" + then.group(1) + "\": a condition is not closed before 'then': is a ')' missing at the end of"
                    + " line " + before + "?", before, Math.max(1, lineText(drl, before).length()), "");
        }
        Matcher parser = PARSER.matcher(text);
        if (parser.find()) {
            int at = Integer.parseInt(parser.group(1));
            int parserColumn = Integer.parseInt(parser.group(2)) + 1;
            String token = parser.group(4);
            String said;
            switch (parser.group(3)) {
                case "missing":
                    said = "a `" + token + "` is missing here";
                    break;
                case "extraneous input":
                    said = "`" + token + "` does not belong here: is it left over from an edit, or is something missing before it?";
                    break;
                default:
                    said = "unexpected `" + token + "` here: is a comma, an operator, a quote or a parenthesis missing before it?";
            }
            String name = parser.group(5) != null ? parser.group(5) : ruleName;
            return new Placed((name == null ? "" : "rule \"" + name + "\": ") + said, at, parserColumn, "");
        }
        Matcher method = UNDEFINED_METHOD.matcher(text);
        if (method.find()) {
            String name = method.group(1);
            String said = method.group(3).startsWith("Rule_")
                    ? "unknown action `" + name + "`" + suggestion(name, ACTIONS, "a consequence derives facts with insertLogical(new Type(...))")
                    : "unknown method `" + name + "(" + method.group(2) + ")` of " + method.group(3)
                            + " (the fact types and their methods: `stack-advisor types`)";
            return at(rule, drl, line, column, name + "(", name, said, ruleName);
        }
        Matcher constructor = UNDEFINED_CONSTRUCTOR.matcher(text);
        if (constructor.find()) {
            return at(rule, drl, line, column, "new " + constructor.group(1), constructor.group(1), "no " + constructor.group(1) + " is made from ("
                    + constructor.group(2) + "): `stack-advisor types` shows how to make one", ruleName);
        }
        Matcher type = UNRESOLVED_TYPE.matcher(text);
        if (type.find()) {
            return at(rule, drl, line, column, type.group(1), type.group(1), "unknown fact type `" + type.group(1)
                    + "`: is its import missing or its name misspelt? (`stack-advisor types` lists them)", ruleName);
        }
        Matcher mismatch = MISMATCH.matcher(text);
        if (mismatch.find()) {
            String from = mismatch.group(1);
            String to = mismatch.group(2);
            String said = to.equals("int") && (from.equals("double") || from.equals("float"))
                    ? "a whole number is needed here, not a decimal one"
                    : to.equals("int") && from.equals("String") ? "a whole number is needed here, not a text"
                    : "a " + from + " where a " + to + " is needed";
            return new Placed(prefix(ruleName) + said, line, column, "");
        }
        Matcher variable = UNRESOLVED_VARIABLE.matcher(text);
        if (variable.find()) {
            String name = variable.group(1);
            String said = table
                    ? "the table's cell holds `" + name + "`, which its column's code uses as a number, not as text: write a whole"
                            + " number in digits, not `" + name + "`"
                    : "unknown name `" + name + "`: a text needs quotes (\"" + name + "\"), and a binding ($" + name
                            + ") must be bound in the rule's conditions";
            return at(rule, drl, line, column, name, name, said, ruleName);
        }
        return new Placed(ruleName == null ? GENERATED_CLASS.matcher(text).replaceAll("the rule")
                : GENERATED_CLASS.matcher(text).replaceAll(Matcher.quoteReplacement("rule \"" + ruleName + "\"")), line, column, "");
    }

    private static String prefix(String ruleName) {
        return ruleName == null ? "" : "rule \"" + ruleName + "\": ";
    }

    private static String suggestion(String name, List<String> known, String otherwise) {
        String didYouMean = Suggestions.didYouMean(name, known.stream().map(String::toLowerCase).collect(java.util.stream.Collectors.toList()));
        if (didYouMean.isEmpty()) {
            return ": " + otherwise;
        }
        String match = Suggestions.closest(name, known.stream().map(String::toLowerCase).collect(java.util.stream.Collectors.toList())).orElse("");
        String original = known.stream().filter(action -> action.equalsIgnoreCase(match)).findFirst().orElse(match);
        return ": did you mean `" + original + "`?";
    }

    /**
     * The message placed at the first place after the rule's {@code then} that holds {@code find} as
     * a word; at the given place when the text is not there.
     */
    private static Placed at(RuleSource rule, String drl, int line, int column, String find, String hint, String said, String ruleName) {
        String message = prefix(ruleName) + said;
        if (rule == null) {
            return new Placed(message, line, column, hint);
        }
        String[] lines = drl.split("\n", -1);
        boolean inConsequence = false;
        for (int i = rule.line - 1; i < lines.length; i++) {
            String text = lines[i];
            if (!inConsequence && text.matches("\\s*then\\b.*")) {
                inConsequence = true;
                continue;
            }
            if (inConsequence && text.matches("\\s*end\\s*")) {
                break;
            }
            Matcher word = Pattern.compile("(?<![\\w$])" + Pattern.quote(find)).matcher(text);
            if (inConsequence && word.find()) {
                return new Placed(message, i + 1, word.start() + 1 + (find.startsWith("new ") ? 4 : 0), hint);
            }
        }
        return new Placed(message, line, column, hint);
    }

    private static RuleSource ruleAt(String drl, int line) {
        RuleSource found = null;
        for (RuleSource rule : RuleSource.scan("", drl)) {
            if (rule.line <= line) {
                found = rule;
            }
        }
        return found;
    }

    /** The last line before {@code line} that holds more than blanks and comments. */
    private static int lineBefore(String drl, int line) {
        String[] lines = drl.split("\n", -1);
        for (int i = line - 2; i >= 0; i--) {
            String text = lines[i].replaceAll("//.*", "").trim();
            if (!text.isEmpty()) {
                return i + 1;
            }
        }
        return line;
    }

    private static String lineText(String drl, int line) {
        String[] lines = drl.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1].replaceAll("\\s+$", "") : "";
    }
}
