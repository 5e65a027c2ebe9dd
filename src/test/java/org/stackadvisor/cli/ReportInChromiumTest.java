package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page as a browser shows it: headless Chromium loads it without console errors,
 * shows a markup project name as text, and a screenshot is kept under
 * {@code target/report-screenshots/}. Skipped only on a developer machine without Chromium;
 * under CI ({@code CI} set) it must run.
 */
class ReportInChromiumTest {
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots").toAbsolutePath();
    private static Path chromium;

    @TempDir
    Path folder;

    @BeforeAll
    static void findChromium() {
        Optional<Path> found = Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
        String ci = System.getenv("CI");
        assumeTrue(found.isPresent() || (ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false")),
                "chromium is not installed (apt-get install chromium); outside CI this test is skipped");
        assertThat(found).as("CI is set, so chromium must be installed (.ci/run installs it)").isPresent();
        chromium = found.get();
    }

    @Test
    void whenTheReportOpensInChromium_thenItLoadsWithoutConsoleErrorsAndTheScreenshotIsKept() throws Exception {
        Path page = SCREENSHOTS.resolve("live-chat.html");
        Browser dom = reportInBrowser("facts/live-chat.json", page);
        assertThat(dom.out).contains("<h1><bdi>Support-desk live chat</bdi></h1>", "<svg class=\"proof\"", "<svg class=\"chart\"",
                "<h2>What would change this decision</h2>", "the verdict stands against every change of one or two facts");
        assertThat(consoleMessages(dom.err)).isEmpty();

        Path screenshot = SCREENSHOTS.resolve("live-chat.png");
        Files.deleteIfExists(screenshot);
        Browser shot = run("--window-size=1400,2400", "--screenshot=" + screenshot, page.toUri().toString());
        assertThat(shot.exit).as(shot.err).isZero();
        assertThat(consoleMessages(shot.err)).isEmpty();
        byte[] png = Files.readAllBytes(screenshot);
        assertThat(png.length).isGreaterThan(20_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void whenTheReportHasWhatIfEntries_thenChromiumShowsTheirTableWithoutConsoleErrors() throws Exception {
        Path page = SCREENSHOTS.resolve("newcomer-team-portal.html");
        Browser dom = reportInBrowser("facts/newcomer-team-portal.json", page);
        assertThat(dom.out).contains("<table class=\"whatif\">",
                "<td>add 'real-time' to traits</td><td><b>either</b></td><td>nodejs 3, python 3</td>");
        assertThat(dom.out.lines().filter(line -> line.startsWith("<tr><td>") && line.contains("firing:")).count()).isEqualTo(14);
        assertThat(consoleMessages(dom.err)).isEmpty();
        Browser shot = run("--window-size=1400,3000", "--screenshot=" + SCREENSHOTS.resolve("newcomer-team-portal.png"),
                page.toUri().toString());
        assertThat(consoleMessages(shot.err)).isEmpty();
    }

    @Test
    void whenTheProjectNameIsAScript_thenChromiumShowsItAsTextAndRunsNothing() throws Exception {
        Path facts = folder.resolve("xss.json");
        Files.writeString(facts, "{\"name\": \"<script>alert(1)</script>\", \"traits\": [\"chat\"]}");
        Path page = SCREENSHOTS.resolve("escaping.html");
        Browser dom = reportInBrowser(facts.toString(), page);
        // the DOM has the name as the heading's text (serialized escaped again) and no script element at all
        assertThat(dom.out).contains("<h1><bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi></h1>").doesNotContainIgnoringCase("<script");
        assertThat(consoleMessages(dom.err)).isEmpty();
        run("--window-size=1200,900", "--screenshot=" + SCREENSHOTS.resolve("escaping.png"), page.toUri().toString());
    }

    @Test
    void whenAPageLogsToTheConsole_thenTheCheckSeesIt() throws Exception {
        // the console check itself can fail: a page that logs an error is caught
        Path page = folder.resolve("noisy.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><script>console.error('noisy page')</script></body></html>");
        Browser dom = run("--dump-dom", page.toUri().toString());
        assertThat(consoleMessages(dom.err)).anySatisfy(line -> assertThat(line).contains("noisy page"));
    }

    /** Writes the report of {@code facts} to {@code page} with the command line and has Chromium load it and dump its DOM. */
    private Browser reportInBrowser(String facts, Path page) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        CommandRun report = CommandRun.of("report", facts, "--output", page.toString());
        assertThat(report.exitCode).as(report.toString()).isZero();
        Browser dom = run("--dump-dom", page.toUri().toString());
        assertThat(dom.exit).as(dom.err).isZero();
        return dom;
    }

    private static List<String> consoleMessages(String stderr) {
        return stderr.lines().filter(line -> line.contains(":CONSOLE") || line.contains("Refused to"))
                .collect(Collectors.toList());
    }

    private Browser run(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(folder, "profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + command);
        }
        return new Browser(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static final class Browser {
        final int exit;
        final String out;
        final String err;

        Browser(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }
    }
}
