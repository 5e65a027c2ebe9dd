package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("<h1>Support-desk live chat</h1>").endsWith("</html>\n");
    }

    @Test
    void whenThePageCannotBeWritten_thenExit74NamingThePageAndNoStackTrace() {
        Path page = folder.resolve("missing-folder").resolve("chat.html");
        CommandRun run = CommandRun.of("report", "facts/live-chat.json", "--output", page.toString());
        assertThat(run.exitCode).isEqualTo(74);
        assertThat(run.err).contains(page + ": cannot write the report page").doesNotContain("\tat ");
        assertThat(Files.exists(page)).isFalse();
    }

    @Test
    void whenTheFactsAreInvalidOrTheOutputIsMissing_thenExit3Or2AndNoPage() {
        Path page = folder.resolve("chat.html");
        assertThat(CommandRun.of("report", "no-such.json", "--output", page.toString()).exitCode).isEqualTo(3);
        assertThat(CommandRun.of("report", "facts/live-chat.json").exitCode).isEqualTo(2);
        assertThat(Files.exists(page)).isFalse();
    }
}
