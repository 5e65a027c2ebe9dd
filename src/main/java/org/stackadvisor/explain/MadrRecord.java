package org.stackadvisor.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stackadvisor.Claim;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;

/**
 * A decision as an Architecture Decision Record in the MADR 4 format (Markdown Architectural
 * Decision Records): YAML front matter with {@code status}, {@code date} and {@code
 * decision-makers}, then the title (the verdict as a decision), Context and Problem Statement,
 * Decision Drivers (the claims that weighed), Considered Options (every candidate), Decision
 * Outcome with its Consequences and Confirmation, Pros and Cons of the Options, and More
 * Information with the rule base's identity and the facts themselves, which {@link AdrCheck}
 * decides again. All text that comes from facts or rules is Markdown-escaped, so a project named
 * {@code <b>*x*</b>} shows as those characters.
 *
 * <pre>{@code
 * StackAdvisor advisor = StackAdvisor.bundled();
 * Decision decision = advisor.decide(Path.of("facts/live-chat.json"));
 * String markdown = MadrRecord.of(decision, advisor).markdown();
 * Path written = MadrRecord.of(decision, advisor)
 *         .withStatus(MadrRecord.Status.ACCEPTED)
 *         .withDecisionMakers(List.of("Ada", "Linus"))
 *         .writeInto(Path.of("docs/decisions"));     // docs/decisions/0003-build-the-back-end-of-....md
 * }</pre>
 *
 * Immutable.
 */
public final class MadrRecord {
    /** The front-matter key and value that mark a record as written by Stack Advisor; {@link AdrCheck} looks for it. */
    static final String GENERATOR = "generator: stack-advisor";
    /** The info string of the fenced block that holds the facts. */
    static final String FACTS_BLOCK = "json stack-advisor-facts";
    /** The info string of the fenced block that holds what the facts gave when the record was written. */
    static final String DECIDED_BLOCK = "json stack-advisor-decided";

    private static final Pattern NUMBERED = Pattern.compile("(\\d+)-.*\\.md");
    private static final int MAX_SLUG = 60;
    private static final int MAX_ALTERNATIVES = 10;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The MADR status a new record is written with. */
    public enum Status {
        /** Put forward, not yet agreed (the default). */
        PROPOSED,
        /** Agreed by the decision makers. */
        ACCEPTED;

        /** The status as the front matter writes it: {@code proposed} or {@code accepted}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Decision decision;
    private final StackAdvisor advisor;
    private final Status status;
    private final LocalDate date;
    private final List<String> decisionMakers;

    private MadrRecord(Decision decision, StackAdvisor advisor, Status status, LocalDate date, List<String> decisionMakers) {
        this.decision = Objects.requireNonNull(decision, "decision");
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.status = Objects.requireNonNull(status, "status");
        this.date = Objects.requireNonNull(date, "date");
        this.decisionMakers = List.copyOf(decisionMakers);
    }

    /**
     * The record of {@code decision}, proposed, dated today, with no decision makers named.
     * {@code advisor} gives the claims' paraphrases, the candidates' labels and, for an {@code
     * either} verdict, what would decide it; it should be the advisor that made the decision.
     */
    public static MadrRecord of(Decision decision, StackAdvisor advisor) {
        return new MadrRecord(decision, advisor, Status.PROPOSED, LocalDate.now(), List.of());
    }

    /** This record with another status. */
    public MadrRecord withStatus(Status status) {
        return new MadrRecord(decision, advisor, status, date, decisionMakers);
    }

    /** This record with another date. */
    public MadrRecord withDate(LocalDate date) {
        return new MadrRecord(decision, advisor, status, date, decisionMakers);
    }

    /** This record naming these people as its decision makers. */
    public MadrRecord withDecisionMakers(List<String> decisionMakers) {
        return new MadrRecord(decision, advisor, status, date, decisionMakers);
    }

    /** The decision the record is about. */
    public Decision decision() {
        return decision;
    }

    /** The title, unescaped: the verdict as a decision ("Build the back end of Support-desk live chat with Node.js"). */
    public String title() {
        String verdict = decision.verdict();
        if (verdict.equals(Decision.EITHER)) {
            return "Build the back end of " + oneLine(decision.project()) + " with either "
                    + decision.scores().keySet().stream().map(this::label).collect(Collectors.joining(" or "));
        }
        return "Build the back end of " + oneLine(decision.project()) + " with " + label(verdict);
    }

    /** The file-name part after the number: the title in lower case, letters and digits only, joined by hyphens. */
    public String slug() {
        String ascii = Normalizer.normalize(title(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            int cut = slug.lastIndexOf('-', MAX_SLUG);
            slug = slug.substring(0, cut > 0 ? cut : MAX_SLUG);
        }
        return slug.isEmpty() ? "decision" : slug;
    }

    /**
     * Writes the record into {@code directory} as {@code NNNN-slug.md}, where NNNN is one more than
     * the highest number of the records already there (the numbering of adr-tools and Log4brains),
     * and returns its path. The record is written to a temporary file in {@code directory}, synced,
     * then moved to its name, so a reader never sees half a record; an existing record is never
     * replaced (if another writer took the number meanwhile, the next one is used).
     *
     * @throws NoSuchFileException when {@code directory} does not exist; nothing is written
     * @throws IOException when the record cannot be written; no record is then left behind
     */
    public Path writeInto(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "no such folder");
        }
        if (!Files.isDirectory(directory)) {
            throw new NotDirectoryException(directory.toString());
        }
        String markdown = markdown();
        Path temporary = Files.createTempFile(directory, ".adr-", ".md.tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(markdown.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            for (int attempt = 0; ; attempt++) {
                Path target = directory.resolve(String.format(Locale.ROOT, "%04d-%s.md", nextNumber(directory), slug()));
                try {
                    // Without REPLACE_EXISTING: a rename in the same folder, refused if the name is taken.
                    Files.move(temporary, target);
                    return target;
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= 100) {
                        throw e;
                    }
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** One more than the highest number of the records ({@code NNNN-*.md}) in {@code directory}; 1 when there are none. */
    public static int nextNumber(Path directory) throws IOException {
        int highest = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher matcher = NUMBERED.matcher(file.getFileName().toString());
                if (matcher.matches() && matcher.group(1).length() <= 9) {
                    highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
                }
            }
        }
        return highest + 1;
    }

    /** The record as MADR 4 Markdown. */
    public String markdown() {
        Map<String, Claim> claims = advisor.claims().stream().collect(Collectors.toMap(Claim::id, Function.identity(), (a, b) -> a));
        StringBuilder md = new StringBuilder();
        frontMatter(md);
        md.append("# ").append(escape(title())).append("\n\n");
        context(md);
        drivers(md, claims);
        md.append("## Considered Options\n\n");
        for (String candidate : decision.scores().keySet()) {
            md.append("* ").append(lead(label(candidate))).append('\n');
        }
        md.append('\n');
        outcome(md);
        consequences(md);
        confirmation(md);
        prosAndCons(md);
        moreInformation(md);
        return md.toString();
    }

    @Override
    public String toString() {
        return markdown();
    }

    private void frontMatter(StringBuilder md) {
        md.append("---\n");
        md.append("status: ").append(status.id()).append('\n');
        md.append("date: ").append(date).append('\n');
        md.append("decision-makers: [")
                .append(decisionMakers.stream().map(MadrRecord::yamlString).collect(Collectors.joining(", "))).append("]\n");
        md.append(GENERATOR).append('\n');
        md.append("---\n\n");
        md.append("<!-- Written by Stack Advisor from the facts under More Information; `stack-advisor adr check`"
                + " decides them again and says when this record is stale. -->\n\n");
    }

    private void context(StringBuilder md) {
        md.append("## Context and Problem Statement\n\n");
        md.append(lead(decision.project())).append(" needs a back end. Which technology should it be built with: ")
                .append(decision.scores().keySet().stream().map(this::label).map(MadrRecord::escape).collect(Collectors.joining(" or ")))
                .append("? The project, as its facts describe it:\n\n");
        Map<String, Object> facts = new LinkedHashMap<>();
        flatten("", decision.inputFacts(), facts);
        facts.remove("name");
        if (facts.isEmpty()) {
            md.append("* nothing besides its name\n");
        }
        facts.forEach((field, value) -> md.append("* ").append(lead(field)).append(": ").append(escape(describe(value))).append('\n'));
        md.append('\n');
        if (!decision.understood().isEmpty()) {
            md.append("Read as the rules understand them:\n\n");
            for (Decision.Reading reading : decision.understood()) {
                md.append("* ").append(lead(reading.field())).append(' ').append(escape(reading.given())).append(" as ")
                        .append(escape(reading.understood())).append('\n');
            }
            md.append('\n');
        }
        if (!decision.notWeighed().isEmpty()) {
            md.append("What the article does not weigh:\n\n");
            for (Decision.Unweighed term : decision.notWeighed()) {
                md.append("* ").append(lead(term.field())).append(' ').append(escape(term.term())).append(": ")
                        .append(escape(term.reason())).append('\n');
            }
            md.append('\n');
        }
    }

    private void drivers(StringBuilder md, Map<String, Claim> claims) {
        md.append("## Decision Drivers\n\n");
        List<Conclusion> votes = decision.conclusions(Conclusion.RECOMMENDATION);
        if (votes.isEmpty()) {
            md.append("* None of the article's claims that weigh apply to this project.\n");
        }
        for (Conclusion vote : votes) {
            md.append("* ").append(lead(vote.text())).append(" (+").append(vote.points()).append(" for ")
                    .append(escape(label(vote.candidate()))).append(")\n");
            for (String id : vote.claims()) {
                Claim claim = claims.get(id);
                md.append("  * ").append(lead(id)).append(": ")
                        .append(escape(claim == null ? "(not in the claim catalogue)" : claim.paraphrase()));
                if (claim != null && claim.weight() != null) {
                    md.append(" (weight ").append(claim.weight()).append(')');
                }
                md.append('\n');
            }
        }
        md.append('\n');
    }

    private void outcome(StringBuilder md) {
        md.append("## Decision Outcome\n\n");
        Conclusion verdict = decision.conclusions(Conclusion.VERDICT).get(0);
        String claimIds = verdict.claims().isEmpty() ? "" : " (" + escape(String.join(", ", verdict.claims())) + ")";
        if (decision.verdict().equals(Decision.EITHER)) {
            md.append("Chosen option: none yet, because the article does not decide: ").append(escape(verdict.text()))
                    .append(claimIds).append(". Scores: ").append(escape(scores(decision.scores()))).append(".\n\n");
            eitherWayOut(md);
        } else {
            Map<String, Integer> others = new LinkedHashMap<>(decision.scores());
            Integer score = others.remove(decision.verdict());
            md.append("Chosen option: \"").append(escape(label(decision.verdict()))).append("\", because it scores ").append(score)
                    .append(others.isEmpty() ? "" : " against " + escape(scores(others))).append(" and the rules conclude: ")
                    .append(escape(verdict.text())).append(claimIds).append(".\n\n");
        }
    }

    /** For an either verdict: the nearest changes to the facts that give a verdict, from {@link StackAdvisor#whatIf(Project)}. */
    private void eitherWayOut(StringBuilder md) {
        WhatIf whatIf = advisor.whatIf(Project.parse(json(decision.inputFacts()), "<record>"));
        List<Alternative> entries = whatIf.entries();
        if (entries.isEmpty()) {
            md.append("No change of one or two facts would decide it.\n\n");
            return;
        }
        md.append("What would decide it, the nearest changes to the facts that give a verdict:\n\n");
        for (Alternative alternative : entries.subList(0, Math.min(MAX_ALTERNATIVES, entries.size()))) {
            md.append("* ").append(lead(alternative.text())).append(": ").append(escape(label(alternative.verdict())))
                    .append(" (").append(escape(scores(alternative.scores()))).append(")\n");
        }
        if (entries.size() > MAX_ALTERNATIVES) {
            md.append("* and ").append(entries.size() - MAX_ALTERNATIVES)
                    .append(" more: `stack-advisor whatif` on the facts below lists them all\n");
        }
        md.append('\n');
    }

    private void consequences(StringBuilder md) {
        md.append("### Consequences\n\n");
        Decision.Robustness robustness = decision.robustness();
        md.append(robustness.holds() ? "* Good, because " : "* Bad, because ").append("the verdict ")
                .append(escape(robustness.summary())).append(" (other reasonable weights of the article's claims)\n");
        List<Conclusion> caveats = decision.conclusions(Conclusion.CAVEAT);
        List<Conclusion> tensions = decision.tensions();
        if (caveats.isEmpty() && tensions.isEmpty()) {
            md.append("* Good, because the article raises no caveat here and does not pull this project both ways\n");
        }
        for (Conclusion caveat : caveats) {
            md.append("* Bad, because ").append(escape(lowerFirst(caveat.text()))).append(cited(caveat)).append('\n');
        }
        for (Conclusion tension : tensions) {
            md.append("* Bad, because of a tension in the article: ").append(escape(tension.text())).append(cited(tension)).append('\n');
        }
        md.append('\n');
    }

    private void confirmation(StringBuilder md) {
        md.append("### Confirmation\n\n");
        md.append("Run `stack-advisor adr check` on the folder that holds this record, in CI for instance: it decides the facts"
                + " under More Information again with the rule base of the day and reports this record as stale when the"
                + " verdict, the scores or the drivers change. To replay it by hand, save those facts as `facts.json` and run"
                + " `stack-advisor decide facts.json --format json`: its `knowledgeBase.sha256` and `input.sha256` are these.\n\n");
        md.append("* Rule base: ").append(escape(decision.knowledgeBaseName() + " " + decision.knowledgeBaseVersion()))
                .append(", sha256 `").append(decision.knowledgeBaseSha256()).append("`\n");
        md.append("* Input facts: sha256 `").append(decision.inputSha256()).append("`\n\n");
    }

    private void prosAndCons(StringBuilder md) {
        md.append("## Pros and Cons of the Options\n\n");
        List<Conclusion> votes = decision.conclusions(Conclusion.RECOMMENDATION);
        for (Map.Entry<String, Integer> candidate : decision.scores().entrySet()) {
            md.append("### ").append(escape(label(candidate.getKey()))).append("\n\n");
            md.append("Score: ").append(candidate.getValue()).append(".\n\n");
            boolean any = false;
            for (Conclusion vote : votes) {
                if (candidate.getKey().equals(vote.candidate())) {
                    md.append("* Good, because ").append(escape(lowerFirst(vote.text()))).append(" (+").append(vote.points())
                            .append("; ").append(escape(String.join(", ", vote.claims()))).append(")\n");
                    any = true;
                }
            }
            for (Conclusion vote : votes) {
                if (!candidate.getKey().equals(vote.candidate())) {
                    md.append("* Bad, because the article weighs this for ").append(escape(label(vote.candidate()))).append(": ")
                            .append(escape(lowerFirst(vote.text()))).append(" (+").append(vote.points()).append("; ")
                            .append(escape(String.join(", ", vote.claims()))).append(")\n");
                    any = true;
                }
            }
            if (!any) {
                md.append("* Neutral, because none of the article's claims that weigh speak for or against it here\n");
            }
            md.append('\n');
        }
    }

    private void moreInformation(StringBuilder md) {
        md.append("## More Information\n\n");
        md.append("Written by Stack Advisor ").append(escape(StackAdvisor.toolVersion())).append(" with the rule base ")
                .append(escape(decision.knowledgeBaseName())).append(' ').append(escape(decision.knowledgeBaseVersion()))
                .append(" (sha256 `").append(decision.knowledgeBaseSha256()).append("`) on Drools ")
                .append(escape(decision.droolsVersion())).append(".\n\n");
        md.append("The facts the decision was made from; `stack-advisor adr check` decides them again:\n\n");
        fenced(md, FACTS_BLOCK, json(decision.inputFacts()));
        md.append("\nWhat they gave when this record was written:\n\n");
        fenced(md, DECIDED_BLOCK, json(decided(decision)));
    }

    /** What {@link AdrCheck} compares: the verdict, the scores, the drivers, and the identities of rule base and input. */
    static Map<String, Object> decided(Decision decision) {
        Map<String, Object> decided = new LinkedHashMap<>();
        decided.put("verdict", decision.verdict());
        decided.put("scores", decision.scores());
        decided.put("drivers", decision.conclusions(Conclusion.RECOMMENDATION).stream().map(vote -> {
            Map<String, Object> driver = new LinkedHashMap<>();
            driver.put("claims", vote.claims());
            driver.put("candidate", vote.candidate());
            driver.put("weight", vote.points());
            return driver;
        }).collect(Collectors.toList()));
        Map<String, Object> knowledgeBase = new LinkedHashMap<>();
        knowledgeBase.put("name", decision.knowledgeBaseName());
        knowledgeBase.put("version", decision.knowledgeBaseVersion());
        knowledgeBase.put("sha256", decision.knowledgeBaseSha256());
        decided.put("knowledgeBase", knowledgeBase);
        decided.put("inputSha256", decision.inputSha256());
        return decided;
    }

    /** A fenced code block whose fence is longer than any run of backticks in {@code text}, so the text cannot close it. */
    private static void fenced(StringBuilder md, String info, String text) {
        int longest = 0;
        Matcher run = Pattern.compile("`+").matcher(text);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        md.append(fence).append(info).append('\n').append(text).append(text.endsWith("\n") ? "" : "\n").append(fence).append('\n');
    }

    private String cited(Conclusion conclusion) {
        return conclusion.claims().isEmpty() ? "" : " (" + escape(String.join(", ", conclusion.claims())) + ")";
    }

    private String label(String candidate) {
        String label = advisor.candidateLabels().get(candidate);
        return label != null ? label : candidate;
    }

    private String scores(Map<String, Integer> scores) {
        return scores.entrySet().stream().map(entry -> label(entry.getKey()) + " " + entry.getValue()).collect(Collectors.joining(", "));
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, Object> into) {
        map.forEach((key, value) -> {
            if (value instanceof Map) {
                flatten(prefix + key + ".", (Map<String, Object>) value, into);
            } else {
                into.put(prefix + key, value);
            }
        });
    }

    private static String describe(Object value) {
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            return list.isEmpty() ? "none" : list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lowerFirst(String text) {
        String word = text.split("[^\\p{L}]", 2)[0];
        if (word.length() > 1 && Character.isUpperCase(word.charAt(0)) && word.substring(1).chars().allMatch(Character::isLowerCase)) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }

    /** {@link #escape(String)} for text that starts a block (a paragraph, a list item), where "- ", "+ " or "1. " would open a list. */
    private static String lead(String text) {
        String escaped = escape(text);
        if (escaped.startsWith("-") || escaped.startsWith("+") || escaped.startsWith("=")) {
            return "\\" + escaped;
        }
        Matcher ordered = Pattern.compile("^(\\d{1,9})([.)])").matcher(escaped);
        if (ordered.find()) {
            return ordered.group(1) + "\\" + escaped.substring(ordered.group(1).length());
        }
        return escaped;
    }

    /** Line breaks and other control characters become spaces: a name stays on its line. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip();
    }

    /**
     * Text as Markdown that renders as exactly that text: every character CommonMark or GitHub
     * gives a meaning inline (emphasis, code, links, HTML, entities, tables, strikethrough, math,
     * headings, quotes) is backslash-escaped; line breaks become spaces.
     */
    static String escape(String text) {
        String line = oneLine(text);
        StringBuilder escaped = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ("\\`*_[]<>#|~&$".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** A YAML double-quoted scalar. */
    private static String yamlString(String text) {
        StringBuilder yaml = new StringBuilder("\"");
        oneLine(text).codePoints().forEach(codePoint -> {
            if (codePoint == '"' || codePoint == '\\') {
                yaml.append('\\');
            }
            yaml.appendCodePoint(codePoint);
        });
        return yaml.append('"').toString();
    }

    /** The Markdown files directly in {@code directory}, by name: the records {@link AdrCheck} reads. */
    static List<Path> markdownFiles(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.filter(file -> file.getFileName().toString().endsWith(".md") && Files.isRegularFile(file))
                    .sorted().forEach(files::add);
        }
        return files;
    }
}
