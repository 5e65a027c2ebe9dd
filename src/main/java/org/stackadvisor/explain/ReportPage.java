package org.stackadvisor.explain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.stackadvisor.Claim;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.Firing;
import org.stackadvisor.Project;
import org.stackadvisor.Proof;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.json.Json;

/**
 * One self-contained HTML page for an auditor: the verdict, the scores as an SVG bar chart, the
 * verdict's proof as an SVG graph (input facts, rules, derived facts, verdict), the firings with
 * their claim IDs and paraphrases, and the rule base and input hashes; made from a {@link WhatIf},
 * it also says what would change the decision. The page makes no network
 * request and runs no script (its Content-Security-Policy forbids both); every value is escaped,
 * so text from the facts shows as text.
 *
 * <pre>{@code
 * StackAdvisor advisor = StackAdvisor.bundled();
 * Decision decision = advisor.decide(Path.of("facts/live-chat.json"));
 * ReportPage.write(decision, advisor.claims(), Path.of("live-chat.html"));
 *
 * // the same page with a "What would change this decision" section
 * WhatIf whatIf = advisor.whatIf(Project.read(Path.of("facts/live-chat.json")));
 * ReportPage.write(whatIf, advisor.claims(), Path.of("live-chat.html"));
 * }</pre>
 */
public final class ReportPage {
    private static final int COLUMN_WIDTH = 230;
    private static final int NODE_WIDTH = 190;
    private static final int NODE_HEIGHT = 30;
    private static final int ROW_HEIGHT = 40;

    private ReportPage() {
    }

    /**
     * Writes the page to {@code output} atomically: into a temporary file beside it, synced,
     * then moved over it, so a reader never sees half a page.
     *
     * @throws IOException when the page cannot be written; {@code output} is then unchanged
     */
    public static void write(Decision decision, List<Claim> claims, Path output) throws IOException {
        writeAtomically(html(decision, claims), output);
    }

    /**
     * Writes the page of {@link WhatIf#decision()} with its "What would change this decision"
     * section to {@code output}, atomically as {@link #write(Decision, List, Path)} does.
     *
     * <pre>{@code
     * WhatIf whatIf = advisor.whatIf(Project.read(Path.of("facts/newcomer-team-portal.json")));
     * ReportPage.write(whatIf, advisor.claims(), Path.of("newcomer.html"));
     * }</pre>
     *
     * @throws IOException when the page cannot be written; {@code output} is then unchanged
     */
    public static void write(WhatIf whatIf, List<Claim> claims, Path output) throws IOException {
        writeAtomically(html(whatIf, claims), output);
    }

    /** The page as HTML text. {@code claims} is the rule base's catalogue ({@link StackAdvisor#claims()}), for paraphrases. */
    public static String html(Decision decision, List<Claim> claims) {
        return page(decision, null, claims);
    }

    /**
     * The page of {@link WhatIf#decision()} as HTML text, with a "What would change this
     * decision" section: the smallest changes to the facts that alter the verdict, each with the
     * verdict and scores it gives and the rules that stop or start firing with their claim IDs;
     * or, plainly, that no change of one or two facts does; and whether the search was cut short.
     */
    public static String html(WhatIf whatIf, List<Claim> claims) {
        return page(whatIf.decision(), whatIf.search(), claims);
    }

    private static void writeAtomically(String html, Path output) throws IOException {
        Path target = output.toAbsolutePath();
        Path temporary = target.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))
                : Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The page; {@code whatIf} is null for a page without the what-if section. */
    private static String page(Decision decision, NearestChanges whatIf, List<Claim> claims) {
        Map<String, Claim> catalogue = claims.stream().collect(Collectors.toMap(Claim::id, Function.identity(), (a, b) -> a));
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>Stack Advisor decision: ").append(escape(decision.project())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        page.append("<h1><bdi>").append(escape(decision.project())).append("</bdi></h1>\n");
        Conclusion verdict = decision.conclusions(Conclusion.VERDICT).get(0);
        page.append("<section id=\"verdict\"><h2>Verdict: <span class=\"verdict\">").append(escape(decision.verdict()))
                .append("</span></h2>\n<p>").append(escape(verdict.text())).append("</p>\n")
                .append(claimList(verdict.claims(), catalogue)).append("</section>\n");
        page.append("<section id=\"scores\"><h2>Scores</h2>\n").append(scoreChart(decision)).append("</section>\n");
        page.append("<section id=\"conclusions\"><h2>Reasons and caveats</h2>\n<ul>\n");
        for (Conclusion conclusion : decision.conclusions()) {
            if (conclusion.kind().equals(Conclusion.RECOMMENDATION) || conclusion.kind().equals(Conclusion.CAVEAT)) {
                page.append("<li class=\"").append(escape(conclusion.kind())).append("\">")
                        .append(conclusion.kind().equals(Conclusion.CAVEAT) ? "caveat: "
                                : "+" + conclusion.points() + " " + escape(conclusion.candidate()) + ": ")
                        .append(escape(conclusion.text())).append(" <span class=\"ids\">[")
                        .append(escape(String.join(", ", conclusion.claims()))).append("] firing ")
                        .append(escape(conclusion.firings().stream().map(seq -> "#" + seq).collect(Collectors.joining(", "))))
                        .append("</span></li>\n");
            }
        }
        page.append("</ul>\n</section>\n");
        page.append(weighingSection(decision, catalogue));
        if (whatIf != null) {
            page.append(whatIfSection(whatIf, catalogue));
        }
        page.append("<section id=\"proof\"><h2>Proof of the verdict</h2>\n")
                .append("<p>Input facts on the left, the rules that fired on them, the facts they derived, up to the verdict on the right.</p>\n")
                .append(LEGEND)
                .append(new ProofGraph(decision.proof()).svg())
                .append("<h3 id=\"proof-text\">The proof as text</h3>\n")
                .append("<p>Each fact, then the firings that derived it (\"because\"), then the facts each firing matched, down to the input facts.</p>\n")
                .append(proofTree(decision.proof())).append("</section>\n");
        page.append("<section id=\"firings\"><h2>Firings</h2>\n<table>\n<thead><tr><th>#</th><th>rule</th><th>section</th>")
                .append("<th>claims</th><th>matched</th><th>inserted</th><th>status</th></tr></thead>\n<tbody>\n");
        for (Firing firing : decision.firings()) {
            page.append("<tr").append(firing.superseded() ? " class=\"superseded\"" : "").append("><td>").append(firing.seq())
                    .append("</td><td>").append(escape(firing.rule())).append("</td><td>").append(escape(firing.section()))
                    .append("</td><td>").append(claimList(firing.claims(), catalogue)).append("</td><td><code>")
                    .append(escape(Json.write(firing.matched(), false))).append("</code></td><td><code>")
                    .append(escape(Json.write(firing.inserted(), false))).append("</code></td><td>")
                    .append(firing.superseded() ? "superseded" : "current").append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n</section>\n");
        page.append("<section id=\"identity\"><h2>Identity</h2>\n<table class=\"identity\">\n");
        row(page, "rule base", decision.knowledgeBaseName() + " " + decision.knowledgeBaseVersion());
        row(page, "rule base sha256", decision.knowledgeBaseSha256());
        row(page, "Drools", decision.droolsVersion());
        row(page, "Stack Advisor", StackAdvisor.toolVersion());
        decision.fileSha256s().forEach((file, hash) -> row(page, "file " + file, hash));
        row(page, "input sha256", decision.inputSha256());
        row(page, "input facts", Json.write(decision.inputFacts(), false));
        page.append("</table>\n<details><summary>SHA-256 of each rule</summary>\n<table class=\"identity\">\n");
        decision.ruleSha256s().forEach((rule, hash) -> row(page, rule, hash));
        page.append("</table>\n</details>\n</section>\n</body>\n</html>\n");
        return page.toString();
    }

    private static void row(StringBuilder page, String name, String value) {
        page.append("<tr><th>").append(escape(name)).append("</th><td><code>").append(escape(value)).append("</code></td></tr>\n");
    }

    private static String claimList(List<String> ids, Map<String, Claim> catalogue) {
        StringBuilder list = new StringBuilder("<ul class=\"claims\">");
        for (String id : ids) {
            Claim claim = catalogue.get(id);
            list.append("<li><b>").append(escape(id)).append("</b> ")
                    .append(escape(claim == null ? "(not in the claim catalogue)" : claim.paraphrase())).append("</li>");
        }
        return list.append("</ul>").toString();
    }

    /**
     * Where the article pulls both ways, the input terms no rule weighed and why, how the verdict fares
     * under other weightings, and the weight and reason of every claim that weighed.
     */
    private static String weighingSection(Decision decision, Map<String, Claim> catalogue) {
        StringBuilder section = new StringBuilder("<section id=\"weighing\"><h2>Tensions, unweighed inputs and robustness</h2>\n");
        List<Conclusion> tensions = decision.tensions();
        section.append("<h3>Tensions</h3>\n").append(tensions.isEmpty() ? "<p>None: the article does not pull this project both ways.</p>\n" : "<ul>\n");
        for (Conclusion tension : tensions) {
            section.append("<li class=\"tension\">").append(escape(tension.text())).append(" <span class=\"ids\">[")
                    .append(escape(String.join(", ", tension.claims()))).append("]</span></li>\n");
        }
        section.append(tensions.isEmpty() ? "" : "</ul>\n");
        List<Decision.Unweighed> unweighed = decision.notWeighed();
        section.append("<h3>Not weighed</h3>\n").append(unweighed.isEmpty() ? "<p>None: every input term was used.</p>\n" : "<ul>\n");
        for (Decision.Unweighed term : unweighed) {
            section.append("<li><code>").append(escape(term.field())).append(' ').append(escape(term.term())).append("</code>: ")
                    .append(escape(term.reason())).append("</li>\n");
        }
        section.append(unweighed.isEmpty() ? "" : "</ul>\n");
        section.append("<h3>Robustness</h3>\n<p>The verdict ").append(escape(decision.robustness().summary())).append(".</p>\n");
        section.append("<h3>Weights of the claims that weighed</h3>\n<table>\n<thead><tr><th>claim</th><th>weight</th><th>why</th></tr></thead>\n<tbody>\n");
        decision.conclusions(Conclusion.RECOMMENDATION).stream().flatMap(conclusion -> conclusion.claims().stream()).distinct()
                .map(catalogue::get).filter(claim -> claim != null && claim.weight() != null)
                .forEach(claim -> section.append("<tr><td>").append(escape(claim.id())).append("</td><td>").append(claim.weight())
                        .append("</td><td>").append(escape(claim.rationale())).append("</td></tr>\n"));
        return section.append("</tbody>\n</table>\n</section>\n").toString();
    }

    private static String whatIfSection(NearestChanges search, Map<String, Claim> catalogue) {
        StringBuilder section = new StringBuilder("<section id=\"whatif\"><h2>What would change this decision</h2>\n")
                .append("<p class=\"extent\">").append(escape(whatIfSummary(search))).append("</p>\n");
        if (search.alternatives().isEmpty()) {
            return section.append("</section>\n").toString();
        }
        section.append("<p>Each changed project was decided again with the same rule base; <code>whatif FILE --format json</code>")
                .append(" gives each one's complete facts, to decide and check.</p>\n")
                .append("<table class=\"whatif\">\n<thead><tr><th>#</th><th>change to the facts</th><th>verdict</th><th>scores</th>")
                .append("<th>rules that stop or start firing</th></tr></thead>\n<tbody>\n");
        int number = 1;
        for (Alternative alternative : search.alternatives()) {
            section.append("<tr><td>").append(number++).append("</td><td>").append(escape(alternative.text()))
                    .append("</td><td><b>").append(escape(alternative.verdict())).append("</b></td><td>")
                    .append(escape(alternative.scores().entrySet().stream().map(score -> score.getKey() + " " + score.getValue())
                            .collect(Collectors.joining(", "))))
                    .append("</td><td><ul class=\"rules\">");
            alternative.rulesStopped().forEach(rule -> section.append(ruleItem("stops", rule, catalogue)));
            alternative.rulesStarted().forEach(rule -> section.append(ruleItem("starts", rule, catalogue)));
            section.append("</ul></td></tr>\n");
        }
        return section.append("</tbody>\n</table>\n</section>\n").toString();
    }

    /** What the search found, in words; says plainly when nothing of one or two changes alters the verdict. */
    private static String whatIfSummary(NearestChanges search) {
        int found = search.alternatives().size();
        int singles = search.singleChangesTried();
        if (found > 0 && search.distance() == 1) {
            return found + " of the " + singles + " single changes to the facts tried " + (found == 1 ? "alters" : "alter")
                    + " the verdict:";
        }
        String noSingle = "No single change to the facts alters the verdict (" + singles + " tried)";
        String cutShort = search.cutShort() ? " The search was cut short at the limit of " + search.pairLimit()
                + " pairs, so pairs beyond it were not tried." : "";
        if (found > 0) {
            return noSingle + ", but " + found + " of the " + search.pairsTried() + " pairs of changes tried "
                    + (found == 1 ? "does" : "do") + "." + cutShort;
        }
        if (!search.cutShort()) {
            return noSingle + ", and no pair of changes does either (all " + search.pairsTried()
                    + " pairs tried): the verdict stands against every change of one or two facts.";
        }
        return noSingle + ", and none of the " + search.pairsTried() + " pairs of changes tried does." + cutShort
                + " A pair that does may remain untried.";
    }

    private static String ruleItem(String kind, RuleReference rule, Map<String, Claim> catalogue) {
        StringBuilder item = new StringBuilder("<li class=\"").append(kind).append("\">").append(kind).append(" firing: ")
                .append(escape(rule.name())).append(" <span class=\"ids\">[");
        String separator = "";
        for (String id : rule.claims()) {
            Claim claim = catalogue.get(id);
            item.append(separator).append("<abbr title=\"")
                    .append(escape(claim == null ? "(not in the claim catalogue)" : claim.paraphrase())).append("\">")
                    .append(escape(id)).append("</abbr>");
            separator = ", ";
        }
        return item.append("]</span></li>").toString();
    }

    private static String scoreChart(Decision decision) {
        int max = Math.max(1, decision.scores().values().stream().mapToInt(score -> Math.max(score, 0)).max().orElse(1));
        int barSpace = 400;
        int height = decision.scores().size() * 36 + 10;
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"scores\">\n");
        int y = 5;
        for (Map.Entry<String, Integer> score : decision.scores().entrySet()) {
            int width = Math.max(score.getValue(), 0) * barSpace / max;
            boolean chosen = score.getKey().equals(decision.verdict());
            svg.append("<text x=\"0\" y=\"").append(y + 20).append("\">").append(escape(score.getKey())).append("</text>")
                    .append("<rect x=\"100\" y=\"").append(y).append("\" width=\"").append(width).append("\" height=\"28\" class=\"")
                    .append(chosen ? "bar chosen" : "bar").append("\"><title>").append(escape(score.getKey() + ": " + score.getValue()))
                    .append("</title></rect>")
                    .append("<text x=\"").append(108 + width).append("\" y=\"").append(y + 20).append("\">")
                    .append(score.getValue()).append("</text>\n");
            y += 36;
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * The proof as nested lists: the graph's text alternative, which prints whole and which a
     * screen reader can walk fact by fact.
     */
    private static String proofTree(Proof proof) {
        StringBuilder tree = new StringBuilder("<ul class=\"tree\">\n");
        proofItem(tree, proof);
        return tree.append("</ul>\n").toString();
    }

    private static void proofItem(StringBuilder tree, Proof proof) {
        tree.append("<li><code>").append(escape(proof.describe())).append("</code>");
        if (proof.input()) {
            tree.append(proof.type().equals("Absence") ? " <span class=\"ids\">[no fact matched this condition]</span></li>\n"
                    : " <span class=\"ids\">[input]</span></li>\n");
            return;
        }
        if (proof.cycle()) {
            tree.append(" <span class=\"ids\">[cycle: this fact is being proved above]</span></li>\n");
            return;
        }
        tree.append("\n<ul>\n");
        for (Proof.Derivation derivation : proof.derivations()) {
            tree.append("<li>because firing #").append(derivation.firing()).append(" <bdi>").append(escape(derivation.rule()))
                    .append("</bdi> <span class=\"ids\">[").append(escape(String.join(", ", derivation.claims()))).append("]</span>\n<ul>\n");
            derivation.premises().forEach(premise -> proofItem(tree, premise));
            tree.append("</ul></li>\n");
        }
        tree.append("</ul></li>\n");
    }

    /**
     * Text escaped for HTML. Control characters become U+FFFD, and the invisible characters that
     * override or embed a writing direction are shown by their code point, so that no name can
     * reverse or reorder the text around it.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            switch (codePoint) {
                case '&': escaped.append("&amp;"); break;
                case '<': escaped.append("&lt;"); break;
                case '>': escaped.append("&gt;"); break;
                case '"': escaped.append("&quot;"); break;
                case '\'': escaped.append("&#39;"); break;
                default:
                    if (Character.isISOControl(codePoint) && codePoint != '\n' && codePoint != '\t') {
                        escaped.append("&#xFFFD;");
                    } else if (isDirectionControl(codePoint)) {
                        escaped.append(String.format("[U+%04X]", codePoint));
                    } else {
                        escaped.appendCodePoint(codePoint);
                    }
            }
        });
        return escaped.toString();
    }

    private static boolean isDirectionControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C;
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "\u2026";
    }

    /**
     * The proof as a layered graph: each fact and each firing once, placed in the column after
     * everything it rests on, so input facts stand on the left and the verdict on the right.
     */
    private static final class ProofGraph {
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final List<String[]> edges = new ArrayList<>();

        private static final class Node {
            final String key;
            final String label;
            final String title;
            final String kind;
            int level;
            int row;

            Node(String key, String label, String title, String kind) {
                this.key = key;
                this.label = label;
                this.title = title;
                this.kind = kind;
            }
        }

        ProofGraph(Proof proof) {
            add(proof);
        }

        /** Adds a fact and what it rests on; returns its column. */
        private int add(Proof proof) {
            String key = "fact " + proof.describe();
            Node known = nodes.get(key);
            if (known != null && (proof.cycle() || known.level >= 0)) {
                return known.level;
            }
            Node node = known != null ? known : new Node(key, label(proof), proof.describe(),
                    proof.input() ? "input" : proof.type().equals("Verdict") ? "verdict" : "derived");
            node.level = -1;
            nodes.put(key, node);
            int level = 0;
            for (Proof.Derivation derivation : proof.derivations()) {
                String firingKey = "firing " + derivation.firing();
                Node firing = nodes.get(firingKey);
                if (firing == null) {
                    firing = new Node(firingKey, "#" + derivation.firing() + " " + derivation.rule(),
                            "#" + derivation.firing() + " " + derivation.rule() + " [" + String.join(", ", derivation.claims()) + "]", "rule");
                    nodes.put(firingKey, firing);
                    int premiseLevel = 0;
                    for (Proof premise : derivation.premises()) {
                        premiseLevel = Math.max(premiseLevel, add(premise));
                        edges.add(new String[] {"fact " + premise.describe(), firingKey});
                    }
                    firing.level = premiseLevel + 1;
                }
                edges.add(new String[] {firingKey, key});
                level = Math.max(level, firing.level + 1);
            }
            node.level = level;
            return level;
        }

        private static String label(Proof proof) {
            Map<String, Object> fact = proof.fact();
            switch (proof.type()) {
                case "Term": return fact.get("field") + " = " + fact.get("value");
                case "Evidence": return "+" + fact.get("weight") + " " + fact.get("candidate") + ": " + fact.get("text");
                case "Score": return "score " + fact.get("candidate") + " = " + fact.get("total");
                case "Verdict": return "verdict: " + fact.get("candidate");
                case "Candidate": return "candidate " + fact.get("id");
                case "DecisionMargin": return "margin " + fact.get("points");
                case "Characteristic": return "characteristic " + fact.get("name");
                default: return proof.describe();
            }
        }

        String svg() {
            Map<Integer, Integer> rows = new LinkedHashMap<>();
            int columns = 0;
            int height = 0;
            for (Node node : nodes.values()) {
                node.row = rows.merge(node.level, 1, Integer::sum) - 1;
                columns = Math.max(columns, node.level + 1);
                height = Math.max(height, node.row + 1);
            }
            int width = columns * COLUMN_WIDTH;
            StringBuilder svg = new StringBuilder("<svg class=\"proof\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                    .append(width).append("\" height=\"").append(height * ROW_HEIGHT + 10)
                    .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height * ROW_HEIGHT + 10)
                    .append("\" role=\"img\" aria-label=\"proof graph; the same proof as text follows it\" aria-describedby=\"proof-text\">\n");
            for (String[] edge : edges) {
                Node from = nodes.get(edge[0]);
                Node to = nodes.get(edge[1]);
                if (from == null || to == null) {
                    continue;
                }
                int x1 = x(from) + NODE_WIDTH;
                int y1 = y(from) + NODE_HEIGHT / 2;
                int x2 = x(to);
                int y2 = y(to) + NODE_HEIGHT / 2;
                int bend = Math.max(20, Math.abs(x2 - x1) / 2);
                svg.append("<path class=\"edge\" d=\"M").append(x1).append(' ').append(y1).append(" C").append(x1 + bend).append(' ')
                        .append(y1).append(' ').append(x2 - bend).append(' ').append(y2).append(' ').append(x2).append(' ')
                        .append(y2).append("\"/>\n");
            }
            for (Node node : nodes.values()) {
                svg.append("<g class=\"node ").append(node.kind).append("\"><title>").append(escape(node.title)).append("</title>")
                        .append("<rect x=\"").append(x(node)).append("\" y=\"").append(y(node)).append("\" width=\"")
                        .append(NODE_WIDTH).append("\" height=\"").append(NODE_HEIGHT).append("\" rx=\"5\"/>")
                        .append("<text x=\"").append(x(node) + 6).append("\" y=\"").append(y(node) + 19).append("\">")
                        .append(escape(shorten(node.label, 32))).append("</text></g>\n");
            }
            return svg.append("</svg>\n").toString();
        }

        private static int x(Node node) {
            return node.level * COLUMN_WIDTH + 5;
        }

        private static int y(Node node) {
            return node.row * ROW_HEIGHT + 5;
        }
    }

    /** What the graph's colours mean. */
    private static final String LEGEND = "<ul class=\"legend\">"
            + "<li><span class=\"swatch input\"></span>input fact: what the project's facts file says</li>"
            + "<li><span class=\"swatch rule\"></span>a rule that fired, with its firing number</li>"
            + "<li><span class=\"swatch derived\"></span>a fact a rule derived</li>"
            + "<li><span class=\"swatch verdict\"></span>the verdict</li></ul>\n";

    private static final String STYLE = String.join("\n",
            "body { font-family: sans-serif; margin: 2em; color: #222; }",
            "h1 { margin-bottom: 0.2em; }",
            ".verdict { color: #0a5; }",
            ".ids, code { color: #555; font-size: 0.85em; }",
            "ul.claims { margin: 0; padding-left: 1.2em; font-size: 0.9em; }",
            "table { border-collapse: collapse; font-size: 0.85em; width: 100%; }",
            "#firings td:nth-child(4) { min-width: 22em; } code { word-break: break-word; }",
            "th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }",
            "tr.superseded { color: #999; }",
            "ul.rules { margin: 0; padding-left: 1.2em; } li.stops { color: #a33; } li.starts { color: #262; }",
            "abbr { text-decoration: underline dotted; }",
            "svg text { font-family: sans-serif; font-size: 12px; fill: #222; }",
            ".bar { fill: #89a; } .bar.chosen { fill: #0a5; }",
            "#proof { overflow-x: auto; }",
            ".edge { fill: none; stroke: #999; stroke-width: 1; }",
            ".node rect { stroke: #555; stroke-width: 1; }",
            ".node.input rect { fill: #dbe9ff; } .node.rule rect { fill: #fff3c4; }",
            ".node.derived rect { fill: #dff5e1; } .node.verdict rect { fill: #ffd6d6; stroke-width: 2; }",
            "ul.legend { list-style: none; padding: 0; font-size: 0.85em; } ul.legend li { display: inline-block; margin-right: 1.5em; }",
            ".swatch { display: inline-block; width: 1em; height: 1em; border: 1px solid #555; margin-right: 0.4em; vertical-align: middle; }",
            ".swatch.input { background: #dbe9ff; } .swatch.rule { background: #fff3c4; }",
            ".swatch.derived { background: #dff5e1; } .swatch.verdict { background: #ffd6d6; border-width: 2px; }",
            "ul.tree { font-size: 0.85em; } ul.tree ul { padding-left: 1.4em; }",
            "@media print {",
            "  body { margin: 0; font-size: 10pt; }",
            "  #proof { overflow: visible; }",
            "  svg.proof { width: 100%; height: auto; }",
            "  tr, li { break-inside: avoid; }",
            "  a { color: inherit; text-decoration: none; }",
            "}",
            "");
}
