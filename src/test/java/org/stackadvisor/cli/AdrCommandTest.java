package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.RulesCopy;

class AdrCommandTest {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(YamlFrontMatterExtension.create());
    private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();

    @TempDir
    Path folder;

    @Test
    void whenAdrIsAskedForLiveChat_thenItPrintsAMadrRecordWithEverySectionAndItsFrontMatter() {
        CommandRun run = CommandRun.of("adr", "facts/live-chat.json", "--decision-makers", "Ada Lovelace, Linus");
        assertThat(run.exitCode).as(run.toString()).isZero();

        Node document = MARKDOWN.parse(run.out);
        assertThat(headings(document)).containsExactly(
                "1 Build the back end of Support-desk live chat with Node.js",
                "2 Context and Problem Statement",
                "2 Decision Drivers",
                "2 Considered Options",
                "2 Decision Outcome",
                "3 Consequences",
                "3 Confirmation",
                "2 Pros and Cons of the Options",
                "3 Node.js",
                "3 Python",
                "2 More Information");
        YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
        document.accept(frontMatter);
        Map<String, List<String>> data = frontMatter.getData();
        assertThat(data.get("status")).containsExactly("proposed");
        assertThat(data.get("date")).containsExactly(LocalDate.now().toString());
        assertThat(data).containsKey("decision-makers");
        assertThat(run.out).contains("decision-makers: [\"Ada Lovelace\", \"Linus\"]");
        assertThat(run.out).contains("Chosen option: \"Node.js\"")
                .contains("* PF-T1: For a real-time solution, go with Node.js. (weight 3)")
                .contains("```json stack-advisor-facts\n{")
                .contains("sha256 `" + decisionField("knowledgeBase", "sha256") + "`");
    }

    @Test
    void whenTheStatusIsAccepted_thenTheFrontMatterSaysSo_andAnUnknownStatusIsAUsageError() {
        assertThat(CommandRun.of("adr", "facts/live-chat.json", "--status", "accepted").out).contains("\nstatus: accepted\n");
        CommandRun wrong = CommandRun.of("adr", "facts/live-chat.json", "--status", "rejected");
        assertThat(wrong.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err).contains("--status must be proposed or accepted");
    }

    @Test
    void whenAnEitherVerdictIsRecorded_thenTheOutcomeSaysTheArticleDoesNotDecideAndWhatWould() {
        CommandRun run = CommandRun.of("adr", "facts/trading-alerts-both-ways.json");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("# Build the back end of Real-time trading alerts for a bank with either Node.js or Python\n")
                .contains("Chosen option: none yet, because the article does not decide")
                .contains("What would decide it")
                .contains("* remove 'real-time' from traits: Python (Node.js 1, Python 6)")
                .contains("* Bad, because of a tension in the article: PF-T1 against PF-T2");
    }

    @Test
    void whenWrittenTwiceIntoAFolder_thenTheRecordsAreNumbered0001And0002AndTheirPathsPrinted() throws Exception {
        CommandRun first = CommandRun.of("adr", "facts/live-chat.json", "--output", folder.toString());
        CommandRun second = CommandRun.of("adr", "facts/sales-dashboard.json", "--output", folder.toString());
        assertThat(first.exitCode).as(first.toString()).isZero();
        assertThat(second.exitCode).as(second.toString()).isZero();

        Path one = folder.resolve("0001-build-the-back-end-of-support-desk-live-chat-with-node-js.md");
        assertThat(first.out).isEqualTo(one + "\n");
        assertThat(second.out).startsWith(folder.resolve("0002-build-the-back-end-of-").toString()).endsWith(".md\n");
        assertThat(names()).hasSize(2).allMatch(name -> name.matches("000[12]-[a-z0-9-]+\\.md"));
        assertThat(Files.readString(one)).isEqualTo(CommandRun.of("adr", "facts/live-chat.json").out);
    }

    @Test
    void whenAFolderHoldsHigherNumbers_thenTheNextRecordTakesOneMoreThanTheHighest() throws Exception {
        Files.writeString(folder.resolve("0007-use-postgres.md"), "# Use Postgres\n");
        Files.writeString(folder.resolve("README.md"), "# Decisions\n");
        CommandRun run = CommandRun.of("adr", "facts/live-chat.json", "--output", folder.toString());
        assertThat(run.out).startsWith(folder.resolve("0008-").toString());
    }

    @Test
    void whenTheRulesAreUnchanged_thenCheckSaysEveryRecordIsCurrentAndExitsZero() {
        write("live-chat", "sales-dashboard", "trading-alerts-both-ways");
        CommandRun check = CommandRun.of("adr", "check", folder.toString());
        assertThat(check.exitCode).as(check.toString()).isZero();
        assertThat(check.out).contains("current     0001-build-the-back-end-of-support-desk-live-chat-with-node-js.md: nodejs")
                .endsWith("3 records checked: 3 current, 0 stale; 0 skipped (not written by Stack Advisor)\n");
    }

    @Test
    void whenTheMarginInACopyOfTheRulesChangesAVerdict_thenCheckExitsOneNamingTheStaleRecordWithItsOldAndNewVerdict() throws Exception {
        write("live-chat", "sales-dashboard");
        Path rules = RulesCopy.of("rules", folder.resolveSibling(folder.getFileName() + "-rules"))
                .replace("manifest.json", "\"margin\": 2,", "\"margin\": 3,").folder;

        CommandRun check = CommandRun.of("adr", "check", folder.toString(), "--rules", rules.toString());

        assertThat(check.exitCode).as(check.toString()).isEqualTo(ExitCodes.DIFFERS);
        String stale = names().stream().filter(name -> name.startsWith("0002-")).findFirst().orElseThrow();
        assertThat(check.out).contains("stale       " + stale + ": verdict was python, is now either\n")
                .contains("    verdict was python, is now either\n")
                .contains("current     0001-build-the-back-end-of-support-desk-live-chat-with-node-js.md")
                .endsWith("2 records checked: 1 current, 1 stale; 0 skipped (not written by Stack Advisor)\n");
    }

    @Test
    void whenAWeightChanges_thenCheckNamesTheScoresAndTheDriverThatMoved() throws Exception {
        write("live-chat");
        Path rules = RulesCopy.of("rules", folder.resolveSibling(folder.getFileName() + "-rules")).replace("manifest.json",
                "\"paraphrase\": \"Node.js fits I/O-bound work that involves no heavy computation.\", \"weight\": 2",
                "\"paraphrase\": \"Node.js fits I/O-bound work that involves no heavy computation.\", \"weight\": 3").folder;

        CommandRun check = CommandRun.of("adr", "check", folder.toString(), "--rules", rules.toString());

        assertThat(check.exitCode).as(check.toString()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(check.out).contains("verdict was nodejs, is now nodejs\n")
                .contains("    score of nodejs was 10, is now 11\n")
                .contains("    driver UC-4 for nodejs weighed +2, now +3\n");
    }

    @Test
    void whenAFolderHoldsARecordWrittenByHand_thenCheckSkipsAndCountsIt() throws Exception {
        write("live-chat");
        Files.writeString(folder.resolve("0002-use-postgres.md"),
                "---\nstatus: accepted\ndate: 2024-01-01\n---\n\n# Use Postgres\n\n## Decision Outcome\n\nPostgres.\n");
        CommandRun check = CommandRun.of("adr", "check", folder.toString());
        assertThat(check.exitCode).as(check.toString()).isZero();
        assertThat(check.out).contains("skipped     0002-use-postgres.md: not written by Stack Advisor\n")
                .endsWith("1 record checked: 1 current, 0 stale; 1 skipped (not written by Stack Advisor)\n");
    }

    @Test
    void whenTheFactsOfARecordAreEditedByHand_thenCheckReportsItStale() throws Exception {
        write("live-chat");
        Path record = folder.resolve(names().get(0));
        Files.writeString(record, Files.readString(record).replace("\"io-bound\", ", ""));
        CommandRun check = CommandRun.of("adr", "check", folder.toString());
        assertThat(check.exitCode).as(check.toString()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(check.out).contains("    driver UC-4 for nodejs (+2) no longer weighs\n").contains("its facts were edited");
    }

    @Test
    void whenARecordSaysStackAdvisorWroteItButHasNoFacts_thenCheckCallsItUnreadable() throws Exception {
        Files.writeString(folder.resolve("0001-x.md"), "---\nstatus: proposed\ngenerator: stack-advisor\n---\n\n# X\n");
        CommandRun check = CommandRun.of("adr", "check", folder.toString());
        assertThat(check.exitCode).isEqualTo(ExitCodes.DIFFERS);
        assertThat(check.out).contains("unreadable  0001-x.md\n    has no facts block");
    }

    @Test
    void whenTheProjectNameHoldsMarkdownAndHtml_thenItStaysTextInTheRecordAndTheCheckReadsItBack() throws Exception {
        String name = "1. <script>alert('x')</script> **bold** _it_ [link](http://example.com) `code` ``` | a | ~~s~~ &amp; # $x$";
        Path facts = folder.resolveSibling(folder.getFileName() + "-facts.json");
        Files.writeString(facts, "{\"name\": " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(name)
                + ", \"traits\": [\"chat\"]}");

        CommandRun run = CommandRun.of("adr", facts.toString(), "--output", folder.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();

        String markdown = Files.readString(folder.resolve(names().get(0)));
        Node document = MARKDOWN.parse(markdown);
        assertThat(headings(document).get(0)).isEqualTo("1 Build the back end of " + name + " with Node.js");
        String html = HtmlRenderer.builder().extensions(EXTENSIONS).build().render(document);
        assertThat(html).doesNotContain("<script>").doesNotContain("<strong>").doesNotContain("<em>")
                .doesNotContain("<a href").contains("&lt;script&gt;")
                .contains("<p>1. &lt;script&gt;alert('x')&lt;/script&gt; **bold** _it_ [link](http://example.com) `code` ``` | a |"
                        + " ~~s~~ &amp;amp; # $x$ needs a back end.");
        assertThat(names().get(0)).matches("0001-build-the-back-end-of-1-script-alert-x-script-bold-it-link[a-z0-9-]*\\.md");

        CommandRun check = CommandRun.of("adr", "check", folder.toString());
        assertThat(check.exitCode).as(check.toString()).isZero();
    }

    @Test
    void whenTheOutputFolderIsMissing_thenOneLineSaysSoAndTheExitCodeIsCannotWrite() {
        Path missing = folder.resolve("docs").resolve("decisions");
        CommandRun run = CommandRun.of("adr", "facts/live-chat.json", "--output", missing.toString());
        assertThat(run.exitCode).isEqualTo(ExitCodes.CANNOT_WRITE);
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo("stack-advisor: " + missing + ": no such folder (create it first), so no record was written\n");
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void whenTheCheckedFolderIsMissing_thenOneLineSaysSo() {
        Path missing = folder.resolve("nowhere");
        CommandRun run = CommandRun.of("adr", "check", missing.toString());
        assertThat(run.exitCode).isEqualTo(ExitCodes.INVALID_FACTS);
        assertThat(run.err).isEqualTo("stack-advisor: " + missing + ": no such folder\n");
    }

    @Test
    void whenNoFileIsGiven_thenItIsAUsageError() {
        CommandRun run = CommandRun.of("adr");
        assertThat(run.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err).contains("Missing required parameter: 'FILE'");
    }

    private void write(String... examples) {
        for (String example : examples) {
            CommandRun run = CommandRun.of("adr", "facts/" + example + ".json", "--output", folder.toString());
            assertThat(run.exitCode).as(run.toString()).isZero();
        }
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static String decisionField(String object, String field) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(CommandRun.of("decide", "facts/live-chat.json", "--format", "json").out).get(object).get(field).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each heading as "level text", in document order. */
    private static List<String> headings(Node document) {
        List<String> headings = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder text = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text literal) {
                        text.append(literal.getLiteral());
                    }
                });
                headings.add(heading.getLevel() + " " + text);
            }
        });
        return headings;
    }
}
