package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report page holds everything an auditor needs, escapes every value and needs nothing from the network. */
class ReportPageTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    @TempDir
    Path folder;

    @Test
    void whenAReportIsMade_thenItShowsVerdictScoresChartProofGraphFiringsWithParaphrasesAndHashes() {
        Decision decision = ADVISOR.decide(Path.of("facts/live-chat.json"));
        String html = ReportPage.html(decision, ADVISOR.claims());
        assertThat(html).contains("<h1>Support-desk live chat</h1>", "Verdict: <span class=\"verdict\">nodejs</span>",
                "<svg class=\"chart\"", "<svg class=\"proof\"", "<g class=\"node input\"><title>Term(field=traits, value=chat)</title>",
                "<g class=\"node verdict\"><title>Verdict(candidate=nodejs)</title>",
                "#22 The candidate that leads by the margin is recommended [BACK-3]",
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
    void whenTheProjectNameIsMarkup_thenThePageShowsItAsTextAndHasNoScriptAndNoNetworkReference() {
        Project project = Project.builder("<script>alert(1)</script>\"'&").traits("chat", "real-time").build();
        String html = ReportPage.html(ADVISOR.decide(project), ADVISOR.claims());
        assertThat(html).contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</h1>")
                .doesNotContainIgnoringCase("<script").doesNotContain("alert(1)</script>");
        assertThat(html).doesNotContainPattern("(?i)\\s(src|href)\\s*=").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@import");
        List<String> addresses = Stream.of(html.split("[\"'\\s<>]")).filter(part -> part.matches("(?i)(https?|ftp|wss?):.*"))
                .distinct().collect(Collectors.toList());
        assertThat(addresses).as("only the SVG namespace name, which is never fetched").containsOnly("http://www.w3.org/2000/svg");
        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"");
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
}
