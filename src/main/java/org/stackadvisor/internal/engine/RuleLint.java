package org.stackadvisor.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.stackadvisor.Claim;
import org.stackadvisor.Decision;
import org.stackadvisor.Problem;
import org.stackadvisor.internal.json.JsonDocumentReader;
import org.stackadvisor.internal.vocabulary.FieldSpec;
import org.stackadvisor.internal.vocabulary.Manifest;
import org.stackadvisor.internal.vocabulary.Suggestions;

/**
 * The mistakes Drools compiles without a word: a rule citing no claim or an unknown one, a
 * signal or caveat claim no rule cites, a term or field a condition compares that the manifest's
 * vocabulary does not declare or a characteristic no rule derives (such a rule silently never
 * fires), an unknown candidate, a
 * duplicate rule name, a consequence that changes or removes facts, evidence that states a weight,
 * names a claim the rule does not cite or the manifest does not weigh with a reason, or goes to the
 * candidate opposite to its claim's leaning.
 */
public final class RuleLint {
    /** The lint's errors (not its warnings) over a loaded rule base: what a reload refuses. */
    public static List<Problem> errors(RuleBase ruleBase) {
        List<Problem> problems = new ArrayList<>();
        List<RuleText> texts = RuleText.all(ruleBase.files, problems);
        problems.addAll(check(texts, ruleBase.manifest, ruleBase.files));
        return problems.stream().filter(problem -> problem.severity() == Problem.Severity.ERROR).collect(Collectors.toList());
    }

    /** Problems without repeats, by file, line and column: the order {@code verify} prints them in. */
    public static List<Problem> inOrder(List<Problem> problems) {
        List<Problem> unique = new ArrayList<>(new LinkedHashSet<>(problems));
        unique.sort(java.util.Comparator.comparing(Problem::source).thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return unique;
    }

    /**
     * Why each of the named rules fires under no probe of one or two vocabulary terms, by rule name,
     * each as its place ({@code file:line}) and its reason: {@code contradictory} (its conditions can
     * never hold together, with the lint's words), {@code needs N facts at once} (it asks for three or
     * more input terms or characteristics together), or what else keeps the probes from reaching it.
     */
    public static Map<String, String[]> unreached(RuleBase ruleBase, java.util.Collection<String> names) {
        List<Problem> ignored = new ArrayList<>();
        List<RuleText> texts = RuleText.all(ruleBase.files, ignored);
        List<Problem> lint = check(texts, ruleBase.manifest, ruleBase.files);
        Map<String, String[]> reasons = new LinkedHashMap<>();
        for (RuleText text : texts) {
            String masked = maskComments(text.drl.replace("\r", ""));
            Map<String, Integer> placed = new HashMap<>();
            text.rules().forEach(rule -> placed.putIfAbsent(rule.name, rule.line));
            for (RuleSource rule : RuleSource.scan(text.file, masked)) {
                if (!names.contains(rule.name) || reasons.containsKey(rule.name)) {
                    continue;
                }
                String place = text.displayName + ":" + placed.getOrDefault(rule.name, rule.line);
                String never = "rule \"" + rule.name + "\" can never fire";
                String contradiction = lint.stream().map(Problem::message).filter(message -> message.startsWith(never)).findFirst()
                        .orElse(null);
                if (contradiction != null) {
                    reasons.put(rule.name, new String[] {place, "contradictory",
                            "contradictory: it" + contradiction.substring(never.length()).replaceFirst("^ as meant", " can never fire as meant")
                                    .replaceFirst("^: it", "")});
                    continue;
                }
                Matcher when = WHEN.matcher(rule.text);
                Matcher then = THEN.matcher(rule.text);
                int from = when.find() ? when.end() : 0;
                int to = then.find(from) ? then.start() : rule.text.length();
                String top = atDepthZero(rule.text.substring(from, to));
                int facts = 0;
                Matcher pattern = INPUT_PATTERN.matcher(rule.text.substring(from, to));
                while (pattern.find()) {
                    boolean negated = NEGATED.matcher(rule.text.substring(from, from + pattern.start())).find();
                    if (!negated && top.charAt(pattern.start()) != ' ') {
                        facts++;
                    }
                }
                if (facts >= 3) {
                    reasons.put(rule.name, new String[] {place, "needs-facts", "needs " + facts
                            + " facts at once (terms or characteristics); the probes give one or two terms, a scenario can reach it"});
                } else if (rule.text.contains("CatalogueEntry")) {
                    reasons.put(rule.name, new String[] {place, "catalogue",
                            "matches a library of the catalogue, which the probes (the vocabulary's terms) never name"});
                } else {
                    reasons.put(rule.name, new String[] {place, "unreached",
                            "no probe of one or two terms meets its conditions: it needs facts the probes do not make"});
                }
            }
        }
        return reasons;
    }

    private static final Pattern INPUT_PATTERN = Pattern.compile("\\b(?:Term|Characteristic)\\s*\\(");

    private static final Pattern CLAIMS = Pattern.compile("@claims\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern SECTION = Pattern.compile("@section\\s*\\(");
    private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern TERM_PATTERN = Pattern.compile("\\bTerm\\s*\\(");
    private static final Pattern FIELD = Pattern.compile("\\bfield\\s*(?:==|!=)\\s*\"([^\"]*)\"");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CHANGES_FACTS = Pattern.compile("\\b(modify|update|retract|delete)\\s*\\(");
    private static final Pattern PLAIN_INSERT = Pattern.compile("\\binsert\\s*\\(");
    private static final Pattern CHARACTERISTIC_PATTERN = Pattern.compile("\\bCharacteristic\\s*\\(");
    private static final Pattern NEW_CHARACTERISTIC = Pattern.compile("new\\s+Characteristic\\s*\\(\\s*\"([^\"]*)\"");
    private static final Pattern CANDIDATE = Pattern.compile(
            "new\\s+Evidence\\s*\\(\\s*\"([^\"]*)\"|new\\s+Verdict\\s*\\(\\s*\"([^\"]*)\"|\\bcandidate\\s*=\\s*\"([^\"]*)\"");

    private static final Pattern NEW_EVIDENCE = Pattern.compile(
            "new\\s+Evidence\\s*\\(\\s*(?:\"([^\"]*)\"|[^,()]+)\\s*,\\s*(?:\"([^\"]*)\"|(-?\\d+)\\s*,|([A-Za-z_$][\\w$]*))");
    private static final Pattern STR_OPERATOR = Pattern.compile("\\bstr\\s*\\[\\s*(\\w+)\\s*\\]");
    /** An operator whose right side is a pattern or a part of a term, not a term: its string is not checked as one. */
    private static final Pattern PATTERN_OPERATOR = Pattern.compile("(?:\\bmatches|\\bsoundslike|\\bstr\\s*\\[\\s*\\w+\\s*\\])\\s*$");
    private static final Pattern EVAL = Pattern.compile("\\beval\\s*\\(");
    private static final Pattern TOP_LEVEL_OR = Pattern.compile("\\bor\\b|\\|\\|");
    private static final Pattern NEGATED = Pattern.compile("\\b(not|exists|forall)\\s*$");
    /** A {@code Term} condition on one field and one value: {@code field == "systemSize", value == "small"}. */
    private static final Pattern SINGLE_TERM = Pattern.compile(
            "\\s*field\\s*==\\s*\"([^\"]*)\"\\s*,\\s*value\\s*==\\s*\"([^\"]*)\"\\s*");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:[.,]\\d+)?");
    private static final Pattern STRING_VARIABLE = Pattern.compile("\\bString\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*\"([^\"]*)\"\\s*;");

    private final Manifest manifest;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> firstPlaceOfRule = new HashMap<>();
    private final Set<String> cited = new LinkedHashSet<>();
    private final Set<String> characteristics = new LinkedHashSet<>();

    private RuleLint(Manifest manifest) {
        this.manifest = manifest;
    }

    /**
     * Lints the rule texts against the manifest; without a manifest (it failed to load) only the
     * checks that need none run.
     */
    public static List<Problem> check(List<RuleText> texts, Manifest manifest, RuleBaseFiles files) {
        return check(texts, manifest, files, true);
    }

    /**
     * Lints the rule texts; with {@code complete} false no claim is reported as cited by no rule: some
     * rule file could not be read (and may cite it), or only errors are wanted.
     */
    public static List<Problem> check(List<RuleText> texts, Manifest manifest, RuleBaseFiles files, boolean complete) {
        RuleLint lint = new RuleLint(manifest);
        List<RuleText> readable = new ArrayList<>();
        for (RuleText text : texts) {
            List<Problem> quotes = unbalancedQuotes(text);
            lint.problems.addAll(quotes);
            if (quotes.isEmpty()) {
                readable.add(text);
            }
        }
        complete &= readable.size() == texts.size();
        texts = readable;
        for (RuleText text : texts) {
            Matcher derived = NEW_CHARACTERISTIC.matcher(maskComments(text.drl));
            while (derived.find()) {
                lint.characteristics.add(derived.group(1));
            }
        }
        for (RuleText text : texts) {
            lint.checkText(text);
        }
        if (manifest != null && complete) {
            lint.checkUncitedClaims(files);
        }
        return lint.problems;
    }

    private static final String UNBALANCED_QUOTE = "unbalanced quote: ";

    /** The files of which {@link #check} found an unbalanced quote: their compile errors only follow from it. */
    public static Set<String> brokenFiles(List<Problem> lint) {
        return lint.stream().filter(problem -> problem.message().startsWith(UNBALANCED_QUOTE)).map(Problem::source)
                .collect(Collectors.toSet());
    }

    /**
     * A string that a DRL line opens and does not close: the parser then reads the rest of the file
     * askew, and the lint would guess wrong (a rule "citing no claim"), so this is the file's one message.
     */
    private static List<Problem> unbalancedQuotes(RuleText text) {
        String drl = text.drl.replace("\r", "");
        List<Problem> problems = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int opened = -1;
        for (int i = 0; i < drl.length(); i++) {
            char c = drl.charAt(i);
            if (opened >= 0) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    opened = -1;
                }
            } else if (c == '"') {
                opened = i;
            } else if (c == '/' && drl.startsWith("//", i)) {
                int end = drl.indexOf('\n', i);
                if (end < 0) {
                    break;
                }
                i = end - 1;
                continue;
            } else if (c == '/' && drl.startsWith("/*", i)) {
                int close = drl.indexOf("*/", i + 2);
                int stop = close < 0 ? drl.length() : close + 2;
                for (int j = i; j < stop; j++) {
                    if (drl.charAt(j) == '\n') {
                        line++;
                        lineStart = j + 1;
                    }
                }
                i = stop - 1;
                continue;
            }
            if (i < drl.length() && drl.charAt(i) == '\n') {
                if (opened >= 0) {
                    problems.add(text.problem(Problem.Severity.ERROR, line, opened - lineStart + 1, "", UNBALANCED_QUOTE
                            + "the string opened here is not closed on its line (a DRL string ends on the line it starts);"
                            + " add the closing \""));
                    opened = -1;
                }
                line++;
                lineStart = i + 1;
            }
        }
        return problems;
    }

    private void checkText(RuleText text) {
        String masked = maskComments(text.drl.replace("\r", ""));
        int[] lineStarts = lineStarts(masked);
        Map<String, Integer> placedLines = new HashMap<>();
        text.rules().forEach(rule -> placedLines.putIfAbsent(rule.name, rule.line));
        for (RuleSource rule : RuleSource.scan(text.file, masked)) {
            int offset = lineStarts[rule.line - 1];
            checkRule(text, rule, placedLines.getOrDefault(rule.name, rule.line), offset, lineStarts);
        }
    }

    private void checkRule(RuleText text, RuleSource rule, int placedLine, int offset, int[] lineStarts) {
        String body = rule.text;
        String place = text.displayName + (placedLine > 0 ? ":" + placedLine : "");
        String first = firstPlaceOfRule.putIfAbsent(rule.name, place);
        if (first != null) {
            add(text, lineStarts, offset, Problem.Severity.ERROR, rule.name,
                    "duplicate rule name \"" + rule.name + "\"; it is first declared at " + first
                            + " (a rule's name is its audit ID, so each must be unique)");
        }

        Matcher claims = CLAIMS.matcher(body);
        if (!claims.find() || RuleInfo.claimIds(claims.group(1)).isEmpty()) {
            add(text, lineStarts, offset, Problem.Severity.ERROR, rule.name, "rule \"" + rule.name
                    + "\" cites no claim; add @claims(\"ID\") naming the article's claims it encodes");
        } else {
            for (String id : RuleInfo.claimIds(claims.group(1))) {
                cited.add(id);
                if (manifest != null && !manifest.claims.containsKey(id)) {
                    int at = offset + claims.start(1) + claims.group(1).indexOf(id);
                    add(text, lineStarts, at, Problem.Severity.ERROR, claims.group(1), "rule \"" + rule.name + "\" cites claim '"
                            + id + "', which the manifest's claim catalogue does not have" + (NUMBER.matcher(id).matches()
                                    ? ": @claims names claim IDs, not weights (each claim's weight is in manifest.json)" : claimSuggestion(id)));
                }
            }
        }
        if (!SECTION.matcher(body).find()) {
            add(text, lineStarts, offset, Problem.Severity.WARNING, rule.name,
                    "rule \"" + rule.name + "\" names no @section(\"...\") of the article");
        }

        Matcher when = WHEN.matcher(body);
        Matcher then = THEN.matcher(body);
        int conditionsStart = when.find() ? when.end() : 0;
        int consequenceStart = then.find(conditionsStart) ? then.end() : body.length();
        int conditionsEnd = Math.max(conditionsStart, consequenceStart - 4);
        if (manifest != null) {
            checkTerms(text, lineStarts, offset, body, conditionsStart, conditionsEnd);
        }
        checkCharacteristics(text, lineStarts, offset, body, conditionsStart, conditionsEnd);
        checkOperators(text, lineStarts, offset, body, conditionsStart, conditionsEnd, rule);
        if (manifest != null) {
            checkContradictions(text, lineStarts, offset, body, conditionsStart, conditionsEnd, rule);
            checkEvals(text, lineStarts, offset, body, conditionsStart, conditionsEnd, rule);
        }
        String consequence = body.substring(consequenceStart);
        int consequenceOffset = offset + consequenceStart;
        Matcher changes = CHANGES_FACTS.matcher(consequence);
        while (changes.find()) {
            add(text, lineStarts, consequenceOffset + changes.start(), Problem.Severity.ERROR, changes.group(1),
                    "rule \"" + rule.name + "\" calls " + changes.group(1) + "(...): rules never change or remove facts;"
                            + " derive a new fact with insertLogical and let truth maintenance retract it");
        }
        Matcher insert = PLAIN_INSERT.matcher(consequence);
        while (insert.find()) {
            add(text, lineStarts, consequenceOffset + insert.start(), Problem.Severity.WARNING, "insert",
                    "rule \"" + rule.name + "\" calls insert(...): derived facts are inserted with insertLogical,"
                            + " so that they go away when their reasons do");
        }
        if (manifest != null) {
            checkEvidence(text, lineStarts, consequenceOffset, consequence, rule, claims.reset().find()
                    ? RuleInfo.claimIds(claims.group(1)) : List.of());
            Matcher candidate = CANDIDATE.matcher(consequence);
            while (candidate.find()) {
                int group = candidate.group(1) != null ? 1 : candidate.group(2) != null ? 2 : 3;
                String id = candidate.group(group);
                boolean verdict = group == 2;
                if (!manifest.candidates.containsKey(id) && !(verdict && id.equals(Decision.EITHER))) {
                    add(text, lineStarts, consequenceOffset + candidate.start(group), Problem.Severity.ERROR, id,
                            "unknown candidate '" + id + "'; the manifest's candidates are: " + String.join(", ", manifest.candidates.keySet())
                                    + Suggestions.didYouMean(id, manifest.candidates.keySet()));
                }
            }
        }
    }

    /**
     * Checks each piece of evidence a consequence inserts: it names a claim, never a weight; the claim
     * is in the catalogue, cited by the rule, weighed in the manifest with a reason; and the
     * evidence goes to the candidate the claim leans to.
     */
    private void checkEvidence(RuleText text, int[] lineStarts, int offset, String consequence, RuleSource rule, List<String> cites) {
        Map<String, String> variables = new HashMap<>();
        Matcher variable = STRING_VARIABLE.matcher(consequence);
        while (variable.find()) {
            variables.put(variable.group(1), variable.group(2));
        }
        Matcher evidence = NEW_EVIDENCE.matcher(consequence);
        while (evidence.find()) {
            if (evidence.group(3) != null) {
                add(text, lineStarts, offset + evidence.start(3), Problem.Severity.ERROR, evidence.group(3), "rule \"" + rule.name
                        + "\" gives evidence a weight (" + evidence.group(3) + "); a rule names the claim it encodes and the claim's"
                        + " weight comes from the manifest: new Evidence(\"candidate\", \"CLAIM-ID\", \"why\")");
                continue;
            }
            int at = offset + (evidence.group(2) != null ? evidence.start(2) : evidence.start(4));
            String claimId = evidence.group(2) != null ? evidence.group(2) : variables.get(evidence.group(4));
            if (claimId == null) {
                continue;
            }
            Claim claim = manifest.claims.get(claimId);
            if (claim == null) {
                add(text, lineStarts, at, Problem.Severity.ERROR, claimId, NUMBER.matcher(claimId).matches()
                        ? "rule \"" + rule.name + "\" gives its evidence the number " + claimId + " where the claim ID goes; weights are"
                                + " not written in rules or table rows: each claim's weight is in manifest.json, so name the claim"
                                + " the rule encodes" + (cites.isEmpty() ? "" : ", such as " + cites.get(0))
                        : "rule \"" + rule.name + "\" inserts evidence for claim '"
                        + claimId + "', which the manifest's claim catalogue does not have" + claimSuggestion(claimId));
                continue;
            }
            if (!cites.contains(claimId)) {
                add(text, lineStarts, at, Problem.Severity.ERROR, claimId, "rule \"" + rule.name + "\" inserts evidence for claim "
                        + claimId + " but does not cite it; add it to @claims(...)");
            }
            if (claim.weight() == null || claim.rationale() == null) {
                add(text, lineStarts, at, Problem.Severity.ERROR, claimId, "claim " + claimId + " is weighed (rule \"" + rule.name
                        + "\" inserts evidence for it) but the manifest gives it no " + (claim.weight() == null ? "weight" : "rationale")
                        + "; give it \"weight\" and a one-line \"rationale\" under the scheme of \"weighting\"");
            }
            String candidate = evidence.group(1);
            String leans = claim.leans().split(" ")[0];
            if (candidate != null && manifest.candidates.containsKey(candidate) && manifest.candidates.containsKey(leans)
                    && !leans.equals(candidate)) {
                add(text, lineStarts, offset + evidence.start(1), Problem.Severity.ERROR, candidate, "rule \"" + rule.name
                        + "\" gives evidence for " + candidate + " under claim " + claimId + ", which leans to " + leans);
            }
        }
    }

    /** Did-you-mean for a claim ID; IDs are upper case, and Suggestions compares in lower case. */
    private String claimSuggestion(String id) {
        Map<String, String> byLowerCase = new HashMap<>();
        manifest.claims.keySet().forEach(known -> byLowerCase.put(known.toLowerCase(java.util.Locale.ROOT), known));
        return Suggestions.closest(id, byLowerCase.keySet()).map(match -> "; did you mean '" + byLowerCase.get(match) + "'?").orElse("");
    }

    /** Checks the fields and terms each {@code Term(...)} condition compares against the vocabulary. */
    private void checkTerms(RuleText text, int[] lineStarts, int offset, String body, int from, int to) {
        Matcher term = TERM_PATTERN.matcher(body);
        term.region(from, to);
        while (term.find()) {
            int start = term.end();
            int end = closingParenthesis(body, start - 1);
            if (end >= to) {
                break; // not closed among the conditions: the parser reports the missing ')', and what follows is no condition
            }
            String condition = body.substring(start, end);
            List<int[]> fieldSpans = new ArrayList<>();
            Map<Integer, String> fieldAt = new LinkedHashMap<>();
            Matcher field = FIELD.matcher(condition);
            while (field.find()) {
                fieldSpans.add(new int[] {field.start(1) - 1, field.end(1) + 1});
                fieldAt.put(field.start(1) - 1, field.group(1));
                if (!manifest.vocabulary.containsKey(field.group(1))) {
                    add(text, lineStarts, offset + start + field.start(1), Problem.Severity.ERROR, field.group(1),
                            "unknown field '" + field.group(1) + "' in a Term condition: the manifest's vocabulary has no such field"
                                    + Suggestions.didYouMean(field.group(1), manifest.vocabulary.keySet()));
                }
            }
            Matcher literal = STRING.matcher(condition);
            while (literal.find()) {
                int at = literal.start();
                if (fieldSpans.stream().anyMatch(span -> span[0] == at)) {
                    continue;
                }
                String fieldName = null;
                for (Map.Entry<Integer, String> entry : fieldAt.entrySet()) {
                    if (entry.getKey() < at) {
                        fieldName = entry.getValue();
                    }
                }
                FieldSpec spec = fieldName == null ? null : manifest.vocabulary.get(fieldName);
                if (spec != null && !PATTERN_OPERATOR.matcher(condition.substring(0, at)).find()) {
                    checkTerm(text, lineStarts, offset + start + literal.start(1), spec, literal.group(1));
                }
            }
            term.region(Math.min(end, to), to);
        }
    }

    /**
     * Operators Drools compiles but cannot run here: {@code str[startsWith]} and the other
     * {@code str[...]} forms fail at decision time in the MVEL condition evaluator of Drools 10.2
     * ({@code NoSuchMethodError}), so a rule using them is refused before it is served.
     */
    private void checkOperators(RuleText text, int[] lineStarts, int offset, String body, int from, int to, RuleSource rule) {
        Matcher operator = STR_OPERATOR.matcher(body);
        operator.region(from, to);
        while (operator.find()) {
            String kind = operator.group(1);
            String instead = kind.equals("startsWith") ? "value matches \"x.*\"" : kind.equals("endsWith") ? "value matches \".*x\""
                    : "value matches \".{N}\" (for length N)";
            add(text, lineStarts, offset + operator.start(), Problem.Severity.ERROR, operator.group(), "rule \"" + rule.name
                    + "\" uses the operator " + operator.group() + ", which compiles but fails when a decision runs it (the engine's"
                    + " condition evaluator cannot run str[...]); write " + instead + " instead");
        }
    }

    /**
     * A rule that asks one single-valued field (a {@code value} or {@code true}/{@code false} field
     * such as {@code systemSize}) for two different values in two {@code Term} conditions that must
     * both hold can never fire: a project has one value there.
     */
    private void checkContradictions(RuleText text, int[] lineStarts, int offset, String body, int from, int to, RuleSource rule) {
        String conditions = body.substring(from, to);
        if (TOP_LEVEL_OR.matcher(atDepthZero(conditions)).find()) {
            return;
        }
        Map<String, String> asked = new HashMap<>();
        Map<String, Integer> askedAt = new HashMap<>();
        Matcher term = TERM_PATTERN.matcher(conditions);
        while (term.find()) {
            int end = closingParenthesis(conditions, term.end() - 1);
            String condition = conditions.substring(term.end(), end);
            boolean nested = depthAt(conditions, term.start()) > 0
                    || NEGATED.matcher(conditions.substring(Math.max(0, term.start() - 12), term.start())).find();
            Matcher single = SINGLE_TERM.matcher(condition);
            if (nested || !single.matches()) {
                continue;
            }
            String field = single.group(1);
            String value = single.group(2);
            FieldSpec spec = manifest.vocabulary.get(field);
            if (spec == null || (spec.type != FieldSpec.Type.VALUE && spec.type != FieldSpec.Type.BOOLEAN)) {
                continue;
            }
            String before = asked.putIfAbsent(field, value);
            if (before == null) {
                askedAt.put(field, offset + from + term.start());
            } else if (!before.equals(value)) {
                int first = lineOf(lineStarts, askedAt.get(field)) + 1;
                add(text, lineStarts, offset + from + term.end() + single.start(2), Problem.Severity.ERROR, value, "rule \""
                        + rule.name + "\" can never fire: it asks for " + field + " '" + before + "' (line " + first + ") and '" + value
                        + "' at once, and a project's " + field + " has one value");
            }
        }
    }

    /**
     * Strings inside {@code eval(...)} that are no term, field, characteristic or candidate the rule
     * base knows: a misspelt term there compiles and silently never matches.
     */
    private void checkEvals(RuleText text, int[] lineStarts, int offset, String body, int from, int to, RuleSource rule) {
        Matcher eval = EVAL.matcher(body);
        eval.region(from, to);
        Set<String> known = null;
        while (eval.find()) {
            int end = closingParenthesis(body, eval.end() - 1);
            if (end >= to) {
                break;
            }
            Matcher literal = STRING.matcher(body.substring(eval.end(), end));
            while (literal.find()) {
                if (known == null) {
                    known = new LinkedHashSet<>();
                    for (FieldSpec spec : manifest.vocabulary.values()) {
                        known.add(spec.path);
                        known.addAll(spec.terms);
                    }
                    known.addAll(characteristics);
                    known.addAll(manifest.candidates.keySet());
                    known.addAll(List.of("true", "false"));
                }
                String value = literal.group(1);
                if (!known.contains(value)) {
                    add(text, lineStarts, offset + eval.end() + literal.start(1), Problem.Severity.ERROR, value, "rule \"" + rule.name
                            + "\" can never fire as meant: '" + value + "' inside eval(...) is no term, field or characteristic the"
                            + " manifest's vocabulary and the rules know" + Suggestions.didYouMean(value, known));
                }
            }
            eval.region(Math.min(end, to), to);
        }
    }

    /** The text with everything inside parentheses, and the parentheses, blanked, to see what stands at the top level. */
    private static String atDepthZero(String text) {
        int[] depths = depths(text);
        StringBuilder top = new StringBuilder(text);
        for (int i = 0; i < text.length(); i++) {
            if (depths[i] != 0 || text.charAt(i) == '(' || text.charAt(i) == ')') {
                top.setCharAt(i, ' ');
            }
        }
        return top.toString();
    }

    /** How many parentheses are open at {@code at}, strings aside. */
    private static int depthAt(String text, int at) {
        return at < text.length() ? Math.max(depths(text)[at], 0) : 0;
    }

    /** For each offset, how many parentheses are open before its character; -1 inside a string. */
    private static int[] depths(String text) {
        int[] depths = new int[text.length()];
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depths[i] = inString ? -1 : depth;
            if (inString) {
                if (c == '\\' && i + 1 < text.length()) {
                    depths[++i] = -1;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return depths;
    }

    /** Checks that each characteristic a condition matches is one some rule derives; a typo would never match. */
    private void checkCharacteristics(RuleText text, int[] lineStarts, int offset, String body, int from, int to) {
        Matcher pattern = CHARACTERISTIC_PATTERN.matcher(body);
        pattern.region(from, to);
        while (pattern.find()) {
            int start = pattern.end();
            int end = closingParenthesis(body, start - 1);
            if (end >= to) {
                break;
            }
            Matcher literal = STRING.matcher(body.substring(start, end));
            while (literal.find()) {
                String name = literal.group(1);
                if (!characteristics.contains(name)) {
                    add(text, lineStarts, offset + start + literal.start(1), Problem.Severity.ERROR, name, "no rule derives the characteristic '"
                            + name + "', so this condition can never match" + Suggestions.didYouMean(name, characteristics));
                }
            }
            pattern.region(Math.min(end, to), to);
        }
    }

    private void checkTerm(RuleText text, int[] lineStarts, int at, FieldSpec spec, String value) {
        switch (spec.type) {
            case LIST:
            case VALUE:
                if (!spec.knows(value)) {
                    add(text, lineStarts, at, Problem.Severity.ERROR, value, "unknown term '" + value + "' for field '" + spec.path
                            + "': the manifest's vocabulary does not declare it, so the condition can never match"
                            + Suggestions.didYouMean(value, spec.terms));
                }
                break;
            case WORD:
                if (!spec.knows(value)) {
                    add(text, lineStarts, at, Problem.Severity.WARNING, value, "term '" + value + "' for field '" + spec.path
                            + "' is not among the manifest's known words" + Suggestions.didYouMean(value, spec.terms));
                }
                break;
            default:
                if (!value.equals("true") && !value.equals("false")) {
                    add(text, lineStarts, at, Problem.Severity.ERROR, value, "field '" + spec.path
                            + "' is true or false, so '" + value + "' never matches");
                }
        }
    }

    /** Signal and caveat claims of the catalogue that no rule cites, placed at their entry in the manifest. */
    private void checkUncitedClaims(RuleBaseFiles files) {
        String source = files.displayName(Manifest.FILE_NAME);
        JsonDocumentReader.Parsed parsed = JsonDocumentReader.readManifest(files.text(Manifest.FILE_NAME), source);
        int index = 0;
        for (Claim claim : manifest.claims.values()) {
            if (claim.mustBeEncoded() && !cited.contains(claim.id())) {
                int[] at = parsed.positions.getOrDefault("$.claims[" + index + "].id", new int[] {0, 0});
                problems.add(new Problem(Problem.Severity.WARNING, source, at[0], at[1], "", "claim " + claim.id()
                        + " is a " + String.join(" and ", claim.kinds()) + " claim that no rule cites: the rule base does not encode it"));
            }
            index++;
        }
    }

    private void add(RuleText text, int[] lineStarts, int offset, Problem.Severity severity, String hint, String message) {
        int line = lineOf(lineStarts, offset);
        problems.add(text.problem(severity, line + 1, offset - lineStarts[line] + 1, hint, message));
    }

    private static int closingParenthesis(String text, int open) {
        int[] depths = depths(text);
        for (int i = open + 1; i < text.length(); i++) {
            if (text.charAt(i) == ')' && depths[i] == depths[open] + 1) {
                return i;
            }
        }
        return text.length();
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) {
            line++;
        }
        return line;
    }

    /** The text with comments blanked out (offsets and line breaks kept), so that they are not linted. */
    static String maskComments(String drl) {
        StringBuilder masked = new StringBuilder(drl);
        boolean inString = false;
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"' || c == '\n') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '/' && i + 1 < masked.length() && masked.charAt(i + 1) == '/') {
                while (i < masked.length() && masked.charAt(i) != '\n') {
                    masked.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < masked.length() && masked.charAt(i + 1) == '*') {
                while (i < masked.length() && !(masked.charAt(i) == '*' && i + 1 < masked.length() && masked.charAt(i + 1) == '/')) {
                    if (masked.charAt(i) != '\n') {
                        masked.setCharAt(i, ' ');
                    }
                    i++;
                }
                if (i + 1 < masked.length()) {
                    masked.setCharAt(i, ' ');
                    masked.setCharAt(i + 1, ' ');
                    i++;
                }
            }
        }
        return masked.toString();
    }
}
