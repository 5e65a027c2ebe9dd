package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts files are untrusted: every kind of hostile or broken input gets one clear message with
 * the file and place, exit code 3, nothing on standard output and no stack trace. The timeout
 * only catches a hang; the limits keep each case fast and small.
 */
@Timeout(60)
class HostileFactsCommandTest {
    private static final String TRAITS = "real-time, chat, streaming, data-intensive, io-bound, heavy-processing, memory-intensive, "
            + "3d-rendering, high-load, needs-stability, fast-runtime, complex-problem";
    private static final String KEYS = "dataVolume, domain, libraries, name, needs, systemSize, team, traits";

    @TempDir
    Path folder;

    @Test
    void whenAStringHoldsALoneSurrogate_thenExit3WithItsPlaceSoOneInputHashIsOneDocument() throws Exception {
        Path file = write("surrogate.json", "{\"name\": \"x\\ud800\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:10: $.name: the text holds a lone surrogate \\ud800 at character 2:"
                + " it is not a Unicode character (a surrogate must come in a high-low pair)");
        Path pair = write("pair.json", "{\"name\": \"x\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(decide(pair).exitCode).isZero();
        Path key = write("key.json", "{\"name\": \"x\", \"\\udc00\": 1}".getBytes(StandardCharsets.UTF_8));
        CommandRun run = decide(key);
        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).contains("the key holds a lone surrogate \\udc00 at character 1");
    }

    @Test
    void whenTheFileIsNotUtf8_thenExit3() throws Exception {
        Path file = write("latin1.json", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE9, '"', '}'});
        assertRejected(decide(file), file + ": is not UTF-8 text; facts files are UTF-8 JSON");
    }

    @Test
    void whenTheFileIsEmpty_thenExit3() throws Exception {
        Path file = write("empty.json", new byte[0]);
        assertRejected(decide(file), file + ":1:1: the document is empty; a facts file is a JSON object such as {\"name\": \"My project\"}");
    }

    @Test
    void whenTheFileIsADirectory_thenExit3() {
        assertRejected(decide(folder), folder + ": is a directory, not a facts file");
    }

    @Test
    void whenTheFileIsMissing_thenExit3() {
        Path file = folder.resolve("missing.json");
        assertRejected(decide(file), file + ": no such file");
    }

    @Test
    void whenTheTextHasANulByte_thenExit3() throws Exception {
        Path file = write("nul.json", "{\"name\":\"a\u0000b\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:11: not valid JSON: Illegal unquoted character ((CTRL-CHAR, code 0)): "
                + "has to be escaped using backslash to be included in string value");
    }

    @Test
    void whenTheFileIsNulBytes_thenExit3() throws Exception {
        Path file = write("zeros.bin", new byte[4096]);
        assertRejected(decide(file), file + ":1:2: not valid JSON: Illegal character ((CTRL-CHAR, code 0)): "
                + "only regular white space (\\r, \\n, \\t) is allowed between tokens");
    }

    @Test
    void whenTheFileIsRandomBytes_thenExit3() throws Exception {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        Path file = write("random.bin", junk);
        assertRejected(decide(file), file + ": is not UTF-8 text; facts files are UTF-8 JSON");
    }

    @Test
    void whenTheFileIsPrintableJunk_thenExit3WithThePlace() throws Exception {
        Path file = write("junk.json", "\u00ff\u00fe<?xml version=\"1.0\"?>".getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:3: not valid JSON: Unrecognized token 'ÿþ': "
                + "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    @Test
    void whenOneLineHoldsAHugeText_thenExit3() throws Exception {
        Path file = write("huge-line.json", ("{\"name\": \"x\", \"domain\": \"" + "a".repeat(900_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:25: the document exceeds a limit: a text value is longer than 10000 characters");
    }

    @Test
    void whenArraysAreNestedDeeply_thenExit3() throws Exception {
        Path file = write("deep.json", ("{\"name\": \"x\", \"traits\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:56: the document exceeds a limit: it nests objects and lists deeper than 32 levels");
    }

    @Test
    void whenANumberIsEnormous_thenExit3() throws Exception {
        Path file = write("number.json", "{\"name\": \"x\", \"traits\": 1e999999}".getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:25: $.traits: 'traits' must be a list of terms such as [\"real-time\"], "
                + "not the number 1E+999999; allowed terms: " + TRAITS);
    }

    @Test
    void whenANumberHasTooManyDigits_thenExit3() throws Exception {
        Path file = write("digits.json", ("{\"name\": \"x\", \"traits\": " + "9".repeat(2_000) + "}").getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:2025: the document exceeds a limit: a number is longer than 100 characters");
    }

    @Test
    void whenTheFileIsTenMegabytes_thenExit3WithoutReadingIt() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        Path file = write("big.json", big);
        assertRejected(decide(file), file + ": is 10485760 bytes; facts files are limited to 1048576 bytes");
    }

    @Test
    void whenTheFileNeverEnds_thenExit3AfterTheLimit() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "a device that never ends");
        assertRejected(decide(zero), "/dev/zero: holds more than 1048576 bytes; facts files are limited to 1048576 bytes");
    }

    @Test
    void whenTheLimitIsLowered_thenASmallerFileIsRejected() throws Exception {
        Path file = Path.of("facts/live-chat.json");
        assertRejected(CommandRun.of("decide", "--max-facts-bytes", "100", file.toString()),
                file + ": is " + Files.size(file) + " bytes; facts files are limited to 100 bytes");
    }

    @Test
    void whenTheLimitIsRaised_thenALargerFileIsRead() throws Exception {
        String padded = "{\"name\": \"padded\"," + " ".repeat(2 * 1024 * 1024) + "\"traits\": [\"chat\"]}";
        Path file = write("padded.json", padded.getBytes(StandardCharsets.UTF_8));
        assertThat(decide(file).exitCode).isEqualTo(3);
        CommandRun run = CommandRun.of("decide", "--max-facts-bytes", "4194304", file.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("padded", "Verdict:");
    }

    @Test
    void whenTheLimitIsNotPositive_thenExit2() {
        CommandRun run = CommandRun.of("decide", "--max-facts-bytes", "0", "facts/live-chat.json");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("--max-facts-bytes must be at least 1, not 0");
    }

    @Test
    void whenTheDocumentHoldsTooManyValues_thenExit3() throws Exception {
        String values = IntStream.range(0, 200_000).mapToObj(i -> "1").collect(Collectors.joining(","));
        Path file = write("values.json", ("{\"name\": \"x\", \"traits\": [" + values + "]}").getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:20018: the document exceeds a limit: it holds more than 10000 values; a facts file needs a few dozen");
    }

    @Test
    void whenAKeyIsHuge_thenExit3() throws Exception {
        Path file = write("key.json", ("{\"name\": \"x\", \"" + "k".repeat(20_000) + "\": 1}").getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:20017: the document exceeds a limit: a key is longer than 200 characters");
    }

    @Test
    void whenTheNameIsTooLong_thenExit3() throws Exception {
        Path file = write("name.json", ("{\"name\": \"" + "n".repeat(201) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:10: $.name: 'name' is longer than 200 characters");
    }

    @Test
    void whenAListIsTooLong_thenExit3() throws Exception {
        String chats = String.join(", ", Collections.nCopies(101, "\"chat\""));
        Path file = write("list.json", ("{\"name\": \"x\", \"traits\": [" + chats + "]}").getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:25: $.traits: 'traits' has 101 entries; at most 100 are allowed");
    }

    @Test
    void whenAKeyIsRepeated_thenExit3() throws Exception {
        Path file = write("duplicate.json", "{\"name\": \"x\", \"traits\": [], \"name\": \"y\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:29: $.name: duplicate key 'name'");
    }

    @Test
    void whenTheDocumentAsksForAJavaType_thenItIsAnUnknownKeyAndNothingIsInstantiated() throws Exception {
        Path file = write("typed.json", "{\"name\": \"x\", \"@class\": \"java.lang.ProcessBuilder\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:15: $.@class: unknown key '@class'; allowed keys: " + KEYS);
    }

    @Test
    void whenTheDocumentIsCutShort_thenExit3SayingSo() throws Exception {
        Path file = write("truncated.json", "{\"name\": \"x\", \"traits\": [\"chat\"".getBytes(StandardCharsets.UTF_8));
        assertRejected(decide(file), file + ":1:32: not valid JSON: the document ends too early (is it truncated?): "
                + "Unexpected end-of-input: expected close marker for Array (start marker at [Source: REDACTED "
                + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 25])");
    }

    @Test
    void whenATermHasTerminalControls_thenTheProblemShowsThemEscaped() throws Exception {
        Path file = write("escape.json", "{\"name\": \"x\", \"traits\": [\"chat\\u001b[2J\"], \"\\u001b]0;owned\\u0007\": 1}".getBytes(StandardCharsets.UTF_8));
        CommandRun run = decide(file);
        assertRejected(run, file + ":1:26: $.traits[0]: unknown term 'chat\\u001b[2J' for 'traits'; allowed terms: " + TRAITS,
                file + ":1:44: $.\\u001b]0;owned\\u0007: unknown key '\\u001b]0;owned\\u0007'; allowed keys: " + KEYS);
        assertThat(run.err).doesNotContain("\u001b", "\u0007");
    }

    @Test
    void whenADocumentHasHundredsOfProblems_thenTheFirstHundredAreShown() throws Exception {
        String keys = IntStream.range(0, 150).mapToObj(i -> "\"k" + i + "\": 1").collect(Collectors.joining(", "));
        Path file = write("keys.json", ("{\"name\": \"x\", " + keys + "}").getBytes(StandardCharsets.UTF_8));
        CommandRun run = decide(file);
        assertThat(run.exitCode).isEqualTo(3);
        List<String> lines = run.err.lines().collect(Collectors.toList());
        assertThat(lines).hasSize(102);
        assertThat(lines.get(0)).startsWith(file + ":1:15: $.k0: unknown key 'k0'");
        assertThat(lines.get(100)).isEqualTo(file + ": and 50 more problems; only the first 100 are shown");
        assertThat(lines.get(101)).isEqualTo("stack-advisor: invalid facts (101 problems)");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static CommandRun decide(Path file) {
        return CommandRun.of("decide", file.toString());
    }

    private static void assertRejected(CommandRun run, String... problems) {
        List<String> expected = new ArrayList<>(List.of(problems));
        expected.add("stack-advisor: invalid facts (" + problems.length + " problem" + (problems.length == 1 ? "" : "s") + ")");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
        assertThat(run.out).isEmpty();
        assertThat(run.err.lines()).as(run.toString()).containsExactlyElementsOf(expected);
        assertThat(run.err).doesNotContain("\tat ", "Exception");
    }
}
