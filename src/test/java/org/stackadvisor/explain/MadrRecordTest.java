package org.stackadvisor.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.Decision;
import org.stackadvisor.RulesCopy;
import org.stackadvisor.StackAdvisor;

/** The ADR export and its check through the public API, as an embedding application calls them. */
class MadrRecordTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    @TempDir
    Path folder;

    @Test
    void whenADecisionRendersItselfAsMadr_thenItIsTheRecordOfMadrRecord() {
        Decision decision = ADVISOR.decide(Path.of("facts/live-chat.json"));
        String markdown = decision.toMadr(ADVISOR);
        assertThat(markdown).isEqualTo(MadrRecord.of(decision, ADVISOR).markdown())
                .startsWith("---\nstatus: proposed\ndate: " + LocalDate.now() + "\ndecision-makers: []\ngenerator: stack-advisor\n---\n");
    }

    @Test
    void whenStatusDateAndDecisionMakersAreSet_thenTheFrontMatterCarriesThem() {
        MadrRecord record = MadrRecord.of(ADVISOR.decide(Path.of("facts/live-chat.json")), ADVISOR)
                .withStatus(MadrRecord.Status.ACCEPTED).withDate(LocalDate.of(2026, 1, 2))
                .withDecisionMakers(List.of("Ada \"the first\"", "Linus\\T"));
        assertThat(record.markdown()).startsWith("---\nstatus: accepted\ndate: 2026-01-02\n"
                + "decision-makers: [\"Ada \\\"the first\\\"\", \"Linus\\\\T\"]\n");
        assertThat(record.title()).isEqualTo("Build the back end of Support-desk live chat with Node.js");
        assertThat(record.slug()).isEqualTo("build-the-back-end-of-support-desk-live-chat-with-node-js");
    }

    @Test
    void whenTextHoldsMarkdown_thenEscapingKeepsItText() {
        assertThat(MadrRecord.escape("<b>*x*</b> [a](b) `c` a|b ~d~ &amp; #1 $m$ \\"))
                .isEqualTo("\\<b\\>\\*x\\*\\</b\\> \\[a\\](b) \\`c\\` a\\|b \\~d\\~ \\&amp; \\#1 \\$m\\$ \\\\");
        assertThat(MadrRecord.escape("line\nbreak")).isEqualTo("line break");
    }

    @Test
    void whenRecordsAreWrittenAndTheRulesMove_thenTheCheckFromJavaTellsCurrentFromStale() throws Exception {
        Path first = MadrRecord.of(ADVISOR.decide(Path.of("facts/live-chat.json")), ADVISOR).writeInto(folder);
        Path second = MadrRecord.of(ADVISOR.decide(Path.of("facts/sales-dashboard.json")), ADVISOR).writeInto(folder);
        assertThat(first.getFileName().toString()).startsWith("0001-");
        assertThat(second.getFileName().toString()).startsWith("0002-");
        assertThat(MadrRecord.nextNumber(folder)).isEqualTo(3);

        AdrCheck today = AdrCheck.run(ADVISOR, folder);
        assertThat(today.allCurrent()).isTrue();
        assertThat(today.entries()).extracting(AdrCheck.Entry::state).containsExactly(AdrCheck.State.CURRENT, AdrCheck.State.CURRENT);

        Path rules = RulesCopy.of("rules", folder.resolveSibling(folder.getFileName() + "-rules"))
                .replace("manifest.json", "\"margin\": 2,", "\"margin\": 3,").folder;
        AdrCheck tomorrow = AdrCheck.run(StackAdvisor.fromDirectory(rules), folder);
        assertThat(tomorrow.allCurrent()).isFalse();
        AdrCheck.Entry stale = tomorrow.entries().get(1);
        assertThat(stale.file()).isEqualTo(second);
        assertThat(stale.state()).isEqualTo(AdrCheck.State.STALE);
        assertThat(stale.recordedVerdict()).isEqualTo("python");
        assertThat(stale.verdict()).isEqualTo("either");
        assertThat(stale.changes()).containsExactly("verdict was python, is now either");
        assertThat(tomorrow.summary()).isEqualTo("2 records checked: 1 current, 1 stale; 0 skipped (not written by Stack Advisor)");
    }

    @Test
    void whenTheFolderIsMissing_thenNothingIsWrittenAndTheCheckRefusesIt() {
        Path missing = folder.resolve("missing");
        MadrRecord record = MadrRecord.of(ADVISOR.decide(Path.of("facts/live-chat.json")), ADVISOR);
        assertThatThrownBy(() -> record.writeInto(missing)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> AdrCheck.run(ADVISOR, missing)).isInstanceOf(NoSuchFileException.class);
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void whenARecordIsWritten_thenNoTemporaryFileIsLeftBehind() throws Exception {
        MadrRecord.of(ADVISOR.decide(Path.of("facts/live-chat.json")), ADVISOR).writeInto(folder);
        try (var files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString())).singleElement().asString().startsWith("0001-");
        }
    }
}
