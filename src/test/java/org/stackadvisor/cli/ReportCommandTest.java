package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path folder;

    @Test
    void whenAReportIsAskedFor_thenThePageIsWrittenAndNamed() throws Exception {
        Path page = folder.resolve("chat.html");
        CommandRun run = CommandRun.of("report", "facts/live-chat.json", "--output", page.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("wrote " + page + "\n");
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("<h1><bdi>Support-desk live chat</bdi></h1>").endsWith("</html>\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"newcomer-team-portal", "almost-empty", "sales-dashboard"})
    void whenAReportIsAskedFor_thenItsWhatIfSectionHasOneRowPerEntryOfWhatIfJson(String example) throws Exception {
        // given what whatif says about the example
        String facts = "facts/" + example + ".json";
        CommandRun whatIf = CommandRun.of("whatif", facts, "--format", "json");
        assertThat(whatIf.exitCode).as(whatIf.toString()).isZero();
        JsonNode entries = new ObjectMapper().readTree(whatIf.out).get("entries");
        assertThat(entries.size()).isPositive();

        // when the report is written
        Path page = folder.resolve(example + ".html");
        CommandRun report = CommandRun.of("report", facts, "--output", page.toString());
        assertThat(report.exitCode).as(report.toString()).isZero();

        // then the what-if rows are whatif's entries in its order: change, verdict, scores, rules stopping and starting
        String html = Files.readString(page);
        String section = html.substring(html.indexOf("<section id=\"whatif\">"), html.indexOf("<section id=\"proof\">"));
        List<String> rows = section.lines().filter(line -> line.startsWith("<tr><td>"))
                .map(row -> row.replaceAll("<abbr title=\"[^\"]*\">", "").replace("</abbr>", "")).collect(Collectors.toList());
        List<String> expected = new ArrayList<>();
        for (JsonNode entry : entries) {
            List<String> changes = new ArrayList<>();
            entry.get("changes").forEach(change -> changes.add(change.get("text").asText()));
            List<String> scores = new ArrayList<>();
            entry.get("scores").fields().forEachRemaining(score -> scores.add(score.getKey() + " " + score.getValue().asInt()));
            StringBuilder row = new StringBuilder("<tr><td>").append(expected.size() + 1).append("</td><td>")
                    .append(escaped(String.join(" and ", changes))).append("</td><td><b>").append(entry.get("verdict").asText())
                    .append("</b></td><td>").append(String.join(", ", scores)).append("</td><td><ul class=\"rules\">");
            appendRules(row, "stops", entry.get("rulesStopped"));
            appendRules(row, "starts", entry.get("rulesStarted"));
            expected.add(row.append("</ul></td></tr>").toString());
        }
        assertThat(rows).containsExactlyElementsOf(expected);
        assertThat(section).doesNotContain("cut short");
    }

    private static void appendRules(StringBuilder row, String kind, JsonNode rules) {
        for (JsonNode rule : rules) {
            List<String> claims = new ArrayList<>();
            rule.get("claims").forEach(claim -> claims.add(claim.asText()));
            row.append("<li class=\"").append(kind).append("\">").append(kind).append(" firing: ")
                    .append(escaped(rule.get("rule").asText())).append(" <span class=\"ids\">[").append(String.join(", ", claims))
                    .append("]</span></li>");
        }
    }

    /** HTML escaping of the characters rule names and changes hold. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
    }

    @Test
    void whenThePageCannotBeWritten_thenExit74NamingThePageAndNoStackTrace() {
        Path page = folder.resolve("missing-folder").resolve("chat.html");
        CommandRun run = CommandRun.of("report", "facts/live-chat.json", "--output", page.toString());
        assertThat(run.exitCode).isEqualTo(74);
        assertThat(run.err).contains(page + ": cannot write the report page").doesNotContain("\tat ");
        assertThat(Files.exists(page)).isFalse();
        assertThat(run.err).isEqualTo("stack-advisor: " + page + ": cannot write the report page: its folder " + page.getParent()
                + " does not exist (create it first), so none was written\n");
    }

    @Test
    void whenTheOutputIsAFolder_thenExit74InOneSentenceAndNothingWrittenBesideIt() throws Exception {
        CommandRun run = CommandRun.of("report", "facts/live-chat.json", "--output", folder.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(74);
        assertThat(run.err).isEqualTo("stack-advisor: " + folder + ": cannot write the report page: it is a folder; give the file"
                + " to write, such as " + folder.resolve("report.html") + ", so none was written\n");
        try (java.util.stream.Stream<Path> files = Files.list(folder.getParent())) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void whenThePageIsWritten_thenNoTemporaryFileIsLeftInItsFolder() throws Exception {
        Path page = folder.resolve("chat.html");
        CommandRun run = CommandRun.of("report", "facts/live-chat.json", "--output", page.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("chat.html");
        }
    }

    @Test
    void whenTheFactsAreInvalidOrTheOutputIsMissing_thenExit3Or2AndNoPage() {
        Path page = folder.resolve("chat.html");
        assertThat(CommandRun.of("report", "no-such.json", "--output", page.toString()).exitCode).isEqualTo(3);
        assertThat(CommandRun.of("report", "facts/live-chat.json").exitCode).isEqualTo(2);
        assertThat(Files.exists(page)).isFalse();
    }
}
