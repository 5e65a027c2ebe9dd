package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit list}, {@code export}, {@code summary} and {@code replay} over a whole log, and {@code replay} of one record. */
class AuditLogToolsCommandTest {
    @TempDir
    Path folder;

    private Path log;

    /** Given a log of four decisions: nodejs, python, either, and a project whose name needs CSV quoting. */
    @BeforeEach
    void writeLog() throws IOException {
        log = folder.resolve("decisions.jsonl");
        Path quoted = Files.writeString(folder.resolve("quoted.json"), "{\"name\": \"Shop, \\\"big\\\" one\"}");
        CommandRun run = CommandRun.of("decide", "--audit-log", log.toString(), "--actor", "dave", "facts/live-chat.json",
                "facts/ml-fraud-detection.json", "facts/almost-empty.json", quoted.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
    }

    @Test
    void whenListed_thenEachRecordShowsLineTimeActorProjectAndVerdict() {
        CommandRun run = CommandRun.of("audit", "list", log.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        List<String> lines = run.out.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches("1  \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z  dave  Support-desk live chat  nodejs");
        assertThat(lines.get(4)).isEqualTo("4 of 4 records listed");
    }

    @Test
    void whenListedWithFilters_thenOnlyMatchingRecordsShow() {
        assertThat(CommandRun.of("audit", "list", log.toString(), "--verdict", "python").out)
                .contains("Card fraud detection with machine learning  python", "1 of 4 records listed");
        assertThat(CommandRun.of("audit", "list", log.toString(), "--project", "LIVE CHAT").out)
                .contains("Support-desk live chat", "1 of 4 records listed");
        assertThat(CommandRun.of("audit", "list", log.toString(), "--since", "2999-01-01").out).isEqualTo("0 of 4 records listed\n");
        assertThat(CommandRun.of("audit", "list", log.toString(), "--until", "2999-01-01T00:00:00Z").out).contains("4 of 4 records listed");
    }

    @Test
    void whenASinceIsNotATime_thenUsageErrorNamingIt() {
        CommandRun run = CommandRun.of("audit", "list", log.toString(), "--since", "last week");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--since takes a UTC time such as 2026-12-03T10:00:00Z or a date such as 2026-12-03, not 'last week'");
    }

    @Test
    void whenExportedAsCsv_thenAHeaderAndOneQuotedRowPerRecord() {
        CommandRun run = CommandRun.of("audit", "export", log.toString(), "--format", "csv");
        List<String> rows = csvRows(run, 5);
        assertThat(rows.get(0)).isEqualTo("time,actor,project,verdict,scores,ruleBaseSha256,inputSha256,hash");
        assertThat(rows.get(1)).matches("[0-9T:.Z-]+,dave,Support-desk live chat,nodejs,nodejs=\\d+ python=\\d+,[0-9a-f]{64},[0-9a-f]{64},[0-9a-f]{64}");
        assertThat(rows.get(4)).contains(",dave,\"Shop, \"\"big\"\" one\",either,");
        assertThat(run.out).contains("\r\n");
    }

    @Test
    void whenAProjectOrActorLooksLikeASpreadsheetFormula_thenTheCsvCellBeginsWithAQuoteAndIsText() throws IOException {
        // given projects named as formulas, and an actor that begins with a minus
        Path formulas = folder.resolve("formulas.jsonl");
        for (String name : List.of("=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")", "+1+1", "@SUM(A1)", "\\tTabbed")) {
            Path facts = Files.writeString(folder.resolve("formula.json"), "{\"name\": \"" + name + "\"}");
            CommandRun decide = CommandRun.of("decide", "--audit-log", formulas.toString(), "--actor", "-mallory", facts.toString());
            assertThat(decide.exitCode).as(decide.toString()).isZero();
        }
        // when the log is exported as CSV
        List<String> rows = csvRows(CommandRun.of("audit", "export", formulas.toString(), "--format", "csv"), 5);
        // then each such cell is prefixed with a single quote (and quoted as CSV needs), so a spreadsheet shows it as text
        assertThat(rows.get(1)).contains(",'-mallory,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",either,");
        assertThat(rows.get(2)).contains(",'-mallory,'+1+1,either,");
        assertThat(rows.get(3)).contains(",'-mallory,'@SUM(A1),either,");
        assertThat(rows.get(4)).contains(",'-mallory,'\tTabbed,either,");
        assertThat(rows.subList(1, 5)).allSatisfy(row -> assertThat(row).matches("[0-9T:.Z-]+,'-mallory,.*"));
    }

    /** The rows of a successful export, checked to be {@code count}. */
    private static List<String> csvRows(CommandRun export, int count) {
        assertThat(export.exitCode).as(export.toString()).isZero();
        List<String> rows = export.out.lines().toList();
        assertThat(rows).hasSize(count);
        return rows;
    }

    @Test
    void whenExportedInAnotherFormat_thenUsageError() {
        assertThat(CommandRun.of("audit", "export", log.toString(), "--format", "xml").exitCode).isEqualTo(2);
    }

    @Test
    void whenSummarised_thenCountsByVerdictAndRuleBase() {
        CommandRun run = CommandRun.of("audit", "summary", log.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("4 records, from ").contains("by verdict:\n  either  2\n  nodejs  1\n  python  1\n")
                .containsPattern("by rule base:\n  sha256:[0-9a-f]{64}  4  \\(rules: bundled\\)");
    }

    @Test
    void whenTheLogIsReplayedWithTheSameRules_thenEveryRecordReproduces() {
        CommandRun run = CommandRun.of("audit", "replay", log.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("4 reproduced, 0 differ\n");
    }

    @Test
    void whenTheMarginIsRaisedInACopyOfTheRules_thenReplayExits1NamingTheRecordsWhoseVerdictChanged() throws IOException {
        Path rules = folder.resolve("rules");
        Files.createDirectories(rules);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.toList()) {
                Files.copy(file, rules.resolve(file.getFileName().toString()));
            }
        }
        Path manifest = rules.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"margin\": 2,", "\"margin\": 40,"));
        CommandRun run = CommandRun.of("audit", "replay", log.toString(), "--rules", rules.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains(log + ":1: Support-desk live chat: verdict: nodejs -> either",
                log + ":2: Card fraud detection with machine learning: verdict: python -> either",
                "2 reproduced, 2 differ: 2 verdicts changed");
    }

    @Test
    void whenOneRecordIsGivenToReplay_thenItsDecisionIsReplayed() throws IOException {
        Path record = Files.writeString(folder.resolve("record.json"), Files.readAllLines(log).get(1));
        CommandRun run = CommandRun.of("replay", record.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("reproduced\n");
    }

    @Test
    void whenAWholeLogIsGivenToReplay_thenItSaysToReplayOneRecordOrUseAuditReplay() {
        CommandRun run = CommandRun.of("replay", log.toString());
        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).contains("holds several audit records; replay one record (a line of the log), or every record with"
                + " 'audit replay " + log + "'").doesNotContain("\tat ");
    }

    @Test
    void whenALineIsNotARecord_thenTheToolsExit3NamingIt() throws IOException {
        Files.writeString(log, "{\"seq\":1}\n", java.nio.file.StandardOpenOption.APPEND);
        CommandRun run = CommandRun.of("audit", "list", log.toString());
        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).contains(log + ":5:0: not an audit record: time is required").doesNotContain("\tat ");
    }
}
