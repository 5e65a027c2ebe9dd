package org.stackadvisor.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.Claim;
import org.stackadvisor.Decision;
import org.stackadvisor.Firing;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;

/** The report page holds everything an auditor needs, escapes every value and needs nothing from the network. */
class ReportPageTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    @TempDir
    Path folder;

    @Test
    void whenAReportIsMade_thenItShowsVerdictScoresChartProofGraphFiringsWithParaphrasesAndHashes() {
        Decision decision = ADVISOR.decide(Path.of("facts/live-chat.json"));
        String html = ReportPage.html(decision, ADVISOR.claims());
        assertThat(html).contains("<h1><bdi>Support-desk live chat</bdi></h1>", "Verdict: <span class=\"verdict\">nodejs</span>",
                "<svg class=\"chart\"", "<svg class=\"proof\"", "<g class=\"node input\"><title>Term(field=traits, value=chat)</title>",
                "<g class=\"node verdict\"><title>Verdict(candidate=nodejs)</title>",
                "#15 The candidate that leads by the margin is recommended [BACK-3]",
                decision.knowledgeBaseSha256(), decision.inputSha256(), "10.2.0");
        Claim uc3 = ADVISOR.claims().stream().filter(claim -> claim.id().equals("UC-3")).findFirst().orElseThrow();
        assertThat(html).contains("<b>UC-3</b> " + ReportPage.escape(uc3.paraphrase()));
        for (Firing firing : decision.firings()) {
            assertThat(html).contains("<tr" + (firing.superseded() ? " class=\"superseded\"" : "") + "><td>" + firing.seq() + "</td><td>"
                    + ReportPage.escape(firing.rule()) + "</td>");
        }
        // every edge of the proof graph joins two drawn nodes: as many firings in the graph as in the proof
        long ruleNodes = html.lines().filter(line -> line.startsWith("<g class=\"node rule\">")).count();
        assertThat(ruleNodes).isEqualTo(decision.proof().firings().size());
    }

    @Test
    void whenAReportIsMadeFromAWhatIf_thenItHasTheSectionWithEachChangeItsVerdictScoresAndRulesWithClaims() {
        // given the newcomer portal (python 3 to nodejs 0), where 14 single changes alter the verdict
        WhatIf whatIf = ADVISOR.whatIf(Project.read(Path.of("facts/newcomer-team-portal.json")));

        // when its page is made
        String html = ReportPage.html(whatIf, ADVISOR.claims());

        // then the section lists those 14, in order, each with its verdict, scores and rules (claims hover with paraphrases)
        String section = section(html, "whatif");
        assertThat(section).contains("<h2>What would change this decision</h2>",
                "<p class=\"extent\">14 of the 54 single changes to the facts tried alter the verdict:</p>");
        assertThat(section.lines().filter(line -> line.startsWith("<tr><td>")).count()).isEqualTo(14);
        Claim lc2 = ADVISOR.claims().stream().filter(claim -> claim.id().equals("LC-2")).findFirst().orElseThrow();
        Claim lc3 = ADVISOR.claims().stream().filter(claim -> claim.id().equals("LC-3")).findFirst().orElseThrow();
        assertThat(section).contains("<tr><td>12</td><td>change team.experience from &#39;new&#39; to &#39;intermediate&#39;</td>"
                + "<td><b>either</b></td><td>nodejs 0, python 1</td><td><ul class=\"rules\">"
                + "<li class=\"stops\">stops firing: A team of new developers is a newcomer team"
                + " <span class=\"ids\">[<abbr title=\"" + ReportPage.escape(lc2.paraphrase()) + "\">LC-2</abbr>, <abbr title=\""
                + ReportPage.escape(lc3.paraphrase()) + "\">LC-3</abbr>]</span></li>"
                + "<li class=\"stops\">stops firing: Newcomers find Node.js&#39;s asynchrony harder than synchronous Python"
                + " <span class=\"ids\">[<abbr title=\"" + ReportPage.escape(lc2.paraphrase()) + "\">LC-2</abbr>]</span></li>");
        assertThat(section).contains("<tr><td>11</td><td>add &#39;async&#39; to team.skills</td><td><b>either</b></td>"
                + "<td>nodejs 2, python 3</td><td><ul class=\"rules\">"
                + "<li class=\"stops\">stops firing: The candidate that leads by the margin is recommended",
                "<li class=\"starts\">starts firing: A team used to asynchronous code is an async team");
        assertThat(section).contains("<tr><td>14</td><td>clear team.experience (was &#39;new&#39;)</td><td><b>either</b></td>"
                + "<td>nodejs 0, python 1</td>");
        for (Alternative entry : whatIf.entries()) {
            assertThat(section).contains("</td><td>" + ReportPage.escape(entry.text()) + "</td><td><b>" + entry.verdict() + "</b></td>");
            for (RuleReference rule : entry.rulesStarted()) {
                assertThat(section).contains("starts firing: " + ReportPage.escape(rule.name()) + " <span class=\"ids\">[<abbr");
            }
        }
        // and the rest of the page is the page of the decision alone
        assertThat(html.replace(section, "")).isEqualTo(ReportPage.html(whatIf.decision(), ADVISOR.claims()));
        assertThat(ReportPage.html(whatIf.decision(), ADVISOR.claims())).doesNotContain("id=\"whatif\"");
    }

    @Test
    void whenNoChangeOfOneOrTwoFactsAltersTheVerdict_thenTheSectionSaysSoPlainlyAndListsNothing() {
        WhatIf whatIf = ADVISOR.whatIf(Project.read(Path.of("facts/live-chat.json")));
        String section = section(ReportPage.html(whatIf, ADVISOR.claims()), "whatif");
        assertThat(section).contains("<p class=\"extent\">No single change to the facts alters the verdict (54 tried),"
                + " and no pair of changes does either (all 1415 pairs tried): the verdict stands against every change of"
                + " one or two facts.</p>").doesNotContain("<table", "cut short");
    }

    @Test
    void whenOnlyPairsAlterTheVerdict_thenTheSectionListsThePairs() {
        // the banking robot of WhatIfTest: python 5 to 0, which no single change brings under the margin
        Project robot = Project.builder("Banking robot that learns").domain("banking").needs("robotics", "machine-learning").build();
        WhatIf whatIf = ADVISOR.whatIf(robot);
        String section = section(ReportPage.html(whatIf, ADVISOR.claims()), "whatif");
        assertThat(section).contains("No single change to the facts alters the verdict (53 tried), but 60 of the 1364 pairs of"
                + " changes tried do.</p>").doesNotContain("cut short");
        List<String> rows = section.lines().filter(line -> line.startsWith("<tr><td>")).collect(Collectors.toList());
        assertThat(rows).hasSize(60).allSatisfy(row -> assertThat(row).matches("<tr><td>\\d+</td><td>[^<]+ and [^<]+</td>.*"));
    }

    @Test
    void whenThePairSearchIsCutShort_thenTheSectionSaysSoAndThatAPairMayRemainUntried() {
        WhatIf whatIf = ADVISOR.whatIf(Project.read(Path.of("facts/live-chat.json")), 100);
        String section = section(ReportPage.html(whatIf, ADVISOR.claims()), "whatif");
        assertThat(section).contains("No single change to the facts alters the verdict (54 tried), and none of the 100 pairs of"
                + " changes tried does. The search was cut short at the limit of 100 pairs, so pairs beyond it were not tried."
                + " A pair that does may remain untried.").doesNotContain("stands against every change");
    }

    @Test
    void whenTheWhatIfIsMadeTwice_thenThePageIsTheSameAndWriteWritesIt() throws Exception {
        Project project = Project.read(Path.of("facts/newcomer-team-portal.json"));
        String html = ReportPage.html(ADVISOR.whatIf(project), ADVISOR.claims());
        assertThat(ReportPage.html(ADVISOR.whatIf(project), ADVISOR.claims())).isEqualTo(html);
        Path page = folder.resolve("page.html");
        ReportPage.write(ADVISOR.whatIf(project), ADVISOR.claims(), page);
        assertThat(Files.readString(page)).isEqualTo(html);
    }

    @Test
    void whenTheProjectNameIsMarkup_thenThePageShowsItAsTextAndHasNoScriptAndNoNetworkReference() {
        Project project = Project.builder("<script>alert(1)</script>\"'&").traits("chat", "real-time").build();
        assertEscapedAndOffline(ReportPage.html(ADVISOR.decide(project), ADVISOR.claims()));
        String withWhatIf = ReportPage.html(ADVISOR.whatIf(project), ADVISOR.claims());
        assertEscapedAndOffline(withWhatIf);
        assertThat(section(withWhatIf, "whatif")).contains("<td>set domain to &#39;banking&#39;</td>");
    }

    @Test
    void whenTheProjectNameHoldsADirectionOverride_thenItIsShownByCodePointAndIsolated() {
        Project project = Project.builder("Shop \u202Egnidnal\u202C page \u2067x\u2069").traits("chat").build();
        String html = ReportPage.html(ADVISOR.decide(project), ADVISOR.claims());
        assertThat(html).doesNotContain("\u202E", "\u202C", "\u2067", "\u2069")
                .contains("<h1><bdi>Shop [U+202E]gnidnal[U+202C] page [U+2067]x[U+2069]</bdi></h1>",
                        "<title>Stack Advisor decision: Shop [U+202E]gnidnal[U+202C] page [U+2067]x[U+2069]</title>");
    }

    @Test
    void whenAReportIsMade_thenItStandsAloneInPrintWithATextProofALegendAndTheToolVersion() {
        Decision decision = ADVISOR.decide(Path.of("facts/live-chat.json"));
        String html = ReportPage.html(decision, ADVISOR.claims());
        String proof = section(html, "proof");
        // the graph scales to the printed page, and its colours are explained
        assertThat(html).contains("@media print {", "svg.proof { width: 100%; height: auto; }");
        assertThat(proof).containsPattern("<svg class=\"proof\"[^>]* viewBox=\"0 0 \\d+ \\d+\"[^>]* aria-describedby=\"proof-text\"")
                .contains("<span class=\"swatch input\"></span>input fact", "<span class=\"swatch rule\"></span>a rule that fired",
                        "<span class=\"swatch derived\"></span>a fact a rule derived", "<span class=\"swatch verdict\"></span>the verdict");
        // the text tree names every firing the verdict rests on and every input fact it reaches
        String tree = proof.substring(proof.indexOf("<h3 id=\"proof-text\">"));
        assertThat(tree).contains("<li><code>Verdict(candidate=nodejs)</code>");
        for (int firing : decision.proof().firings()) {
            assertThat(tree).contains("because firing #" + firing + " <bdi>" + decision.firings().get(firing - 1).rule().replace("'", "&#39;") + "</bdi>");
        }
        for (String input : decision.proof().inputs()) {
            assertThat(tree).contains("<li><code>" + ReportPage.escape(input) + "</code> <span class=\"ids\">["
                    + (input.startsWith("Absence(") ? "no fact matched this condition" : "input") + "]</span></li>");
        }
        assertThat(tree).contains("<li><code>Absence(condition=not Term( field == &quot;traits&quot;, value == &quot;heavy-processing&quot; ))</code>");
        // the identity names the tool that made the page
        assertThat(section(html, "identity")).contains("<tr><th>Stack Advisor</th><td><code>" + StackAdvisor.toolVersion() + "</code></td></tr>");
    }

    @Test
    void whenThePageIsWrittenOverAnOldOne_thenItIsReplacedWholeAndNoTemporaryFileRemains() throws Exception {
        Path page = folder.resolve("page.html");
        Files.writeString(page, "old");
        Decision decision = ADVISOR.decide(Path.of("facts/live-chat.json"));
        ReportPage.write(decision, ADVISOR.claims(), page);
        assertThat(Files.readString(page)).isEqualTo(ReportPage.html(decision, ADVISOR.claims()));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("page.html");
        }
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertThat(start).as("section " + id).isNotNegative();
        return html.substring(start, html.indexOf("</section>\n", start) + "</section>\n".length());
    }

    private static void assertEscapedAndOffline(String html) {
        assertThat(html).contains("<h1><bdi>&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</bdi></h1>")
                .doesNotContainIgnoringCase("<script").doesNotContain("alert(1)</script>");
        assertThat(html).doesNotContainPattern("(?i)\\s(src|href)\\s*=").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@import");
        List<String> addresses = Stream.of(html.split("[\"'\\s<>]")).filter(part -> part.matches("(?i)(https?|ftp|wss?):.*"))
                .distinct().collect(Collectors.toList());
        assertThat(addresses).as("only the SVG namespace name, which is never fetched").containsOnly("http://www.w3.org/2000/svg");
        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    }
}
