package org.stackadvisor.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stackadvisor.internal.catalogue.LibraryCatalogue.Ecosystem.AMBIGUOUS;
import static org.stackadvisor.internal.catalogue.LibraryCatalogue.Ecosystem.NODEJS;
import static org.stackadvisor.internal.catalogue.LibraryCatalogue.Ecosystem.PYTHON;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryCatalogueTest {
    private static final Path FILE = Path.of("rules", LibraryCatalogue.FILE_NAME);
    private static final Path SCRIPT = Path.of("src/scripts/make_library_catalogue.py");
    private static final Path PYPI_LIST = Path.of("/work/.library/env/packages/pypi.tsv");
    private static final Path NPM_LIST = Path.of("/work/.library/env/packages/npm.tsv");
    private static final LibraryCatalogue CATALOGUE = LibraryCatalogue.fromDirectory(Path.of("rules"));

    @Test
    void whenNamesAreWrittenAsProjectsDo_thenEachRegistrysNormalisationFindsThem() {
        assertThat(LibraryCatalogue.npmForm("Socket.IO")).isEqualTo("socket.io");
        assertThat(LibraryCatalogue.pypiForm("Flask__SQLAlchemy")).isEqualTo("flask-sqlalchemy");
        assertThat(LibraryCatalogue.pypiForm("ruamel.yaml")).isEqualTo("ruamel-yaml");
        assertThat(LibraryCatalogue.pypiForm("zope._-interface")).isEqualTo("zope-interface");

        assertThat(CATALOGUE.ecosystemOf("FastAPI")).contains(PYTHON);
        assertThat(CATALOGUE.ecosystemOf("SQLAlchemy")).contains(PYTHON);
        assertThat(CATALOGUE.ecosystemOf("celery")).contains(PYTHON);
        // PyPI's form: what pip installs for these names
        assertThat(CATALOGUE.ecosystemOf("Flask_SQLAlchemy")).contains(PYTHON);
        assertThat(CATALOGUE.ecosystemOf("ruamel.yaml")).contains(PYTHON);
        assertThat(CATALOGUE.ecosystemOf("typing_extensions")).contains(PYTHON);
        // npm's names keep their dots: socket.io is npm's, and no PyPI package is named socket-io
        assertThat(CATALOGUE.ecosystemOf("socket.io")).contains(NODEJS);
        assertThat(CATALOGUE.ecosystemOf("Express")).contains(NODEJS);
        // a name in both registries goes where it is used ten times more: requests to PyPI, semver to npm
        assertThat(CATALOGUE.ecosystemOf("requests")).contains(PYTHON);
        assertThat(CATALOGUE.ecosystemOf("semver")).contains(NODEJS);
    }

    @Test
    void whenAScopedNameIsAsked_thenItsOwnRowOrItsFamilyAnswers() {
        assertThat(CATALOGUE.ecosystemOf("@nestjs/core")).contains(NODEJS);
        assertThat(CATALOGUE.ecosystemOf("@NestJS/Some-Package-Not-Catalogued")).contains(NODEJS);
        assertThat(CATALOGUE.ecosystemOf("@nestjs")).contains(NODEJS);
        assertThat(CATALOGUE.ecosystemOf("@no-such-scope-here/core")).isEmpty();
        assertThat(CATALOGUE.ecosystemOf("@")).isEmpty();
        assertThat(CATALOGUE.ecosystemOf("@/core")).isEmpty();
    }

    @Test
    void whenANameIsUsedAlikeInBothRegistries_thenItIsAmbiguous() {
        // redis: tens of millions of downloads a month on npm, PyPI's rank 143
        assertThat(CATALOGUE.ecosystemOf("redis")).contains(AMBIGUOUS);
        assertThat(CATALOGUE.ecosystemOf("jsonschema")).contains(AMBIGUOUS);
    }

    @Test
    void whenANameIsNotCatalogued_thenNothingIsAnswered() {
        // fast_api is no package: PEP 503 makes it fast-api, which PyPI does not have
        assertThat(CATALOGUE.ecosystemOf("fast_api")).isEmpty();
        assertThat(CATALOGUE.ecosystemOf("our-own-billing-lib")).isEmpty();
        // PEP 503's form answers for PyPI only: socket_io is no npm name, and socket-io is not on PyPI
        assertThat(CATALOGUE.ecosystemOf("socket_io")).isEmpty();
    }

    @Test
    void whenTheBundledCatalogueIsRead_thenItHoldsAtLeast5000NamesAndItsProvenance() {
        LibraryCatalogue bundled = LibraryCatalogue.bundled();
        assertThat(bundled.size()).isGreaterThanOrEqualTo(5_000).isEqualTo(CATALOGUE.size()).isEqualTo(bundled.validate());
        assertThat(bundled.source()).isEqualTo("bundled:library-catalogue.tsv");
        assertThat(String.join("\n", bundled.provenance()))
                .contains("pypi.tsv", "npm.tsv", "sha256", "newest month", "10 times", "ambiguous",
                        "python3 src/scripts/make_library_catalogue.py");
        assertThat(bundled.ecosystemOf("django")).contains(PYTHON);
    }

    @Test
    void whenTheCatalogueIsLoaded_thenItIsCheapAndLazy() {
        long started = System.nanoTime();
        LibraryCatalogue lazy = LibraryCatalogue.fromDirectory(Path.of("rules"));
        long made = System.nanoTime() - started;
        assertThat(TimeUnit.NANOSECONDS.toMillis(made)).as("making one reads nothing").isLessThan(50);
        long first = System.nanoTime();
        assertThat(lazy.ecosystemOf("fastapi")).contains(PYTHON);
        long loaded = System.nanoTime() - first;
        int size = lazy.size();
        assertThat(size).isGreaterThanOrEqualTo(5_000);
        // generous for a cold JVM on a busy CI machine; it takes a few milliseconds
        assertThat(TimeUnit.NANOSECONDS.toMillis(loaded)).isLessThan(2_000);
        System.out.printf("library catalogue: %d names, read and first looked up in %.1f ms%n", size, loaded / 1e6);
    }

    @Test
    void whenTheFolderHasNoCatalogue_thenItIsEmpty(@TempDir Path folder) {
        LibraryCatalogue empty = LibraryCatalogue.fromDirectory(folder);
        assertThat(empty.size()).isZero();
        assertThat(empty.ecosystemOf("django")).isEmpty();
        assertThat(LibraryCatalogue.of("x.tsv", null).ecosystemOf("@nestjs/core")).isEmpty();
    }

    @Test
    void whenARowIsMalformed_thenTheErrorNamesFileLineAndColumn() {
        String header = "# a header\n" + LibraryCatalogue.COLUMNS + "\n";
        assertMalformed(header + "django\tpython\t\t1\nexpress\tnode\t5\t\n", "t.tsv:4:9: unknown ecosystem 'node'");
        assertMalformed(header + "django\tpython\t1\n", "t.tsv:3:1: expected 4 tab-separated fields");
        assertMalformed(header + "Django\tpython\t\t1\n", "t.tsv:3:1: the name 'Django' must be non-empty, lowercase");
        assertMalformed(header + "django\tpython\tmany\t1\n", "t.tsv:3:15: npm_downloads_a_month 'many'");
        assertMalformed(header + "django\tpython\t\tfirst\n", "t.tsv:3:16: pypi_rank 'first'");
        assertMalformed(header + "django\tpython\t\t1\r\ndjango\tpython\t\t1\n", "t.tsv:4:1: the name 'django' is catalogued twice");
        assertMalformed(header + "express\tnodejs\t\t\ndjango\tpython\t\t1\n", "t.tsv:4:1: the name 'django' stands after 'express'");
        assertMalformed(header + "django\tpython\t\t1\n\nexpress\tnodejs\t\t\n", "t.tsv:4:1: expected 4 tab-separated fields");
        assertMalformed("# a header\ndjango\tpython\t\t1\n", "t.tsv:2:1: expected the columns' line");
        // a lookup that meets a malformed row names it too
        LibraryCatalogue broken = LibraryCatalogue.of("t.tsv", (header + "django\tpyton\t\t1\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> broken.ecosystemOf("Django"))
                .isInstanceOf(MalformedCatalogueException.class)
                .hasMessageStartingWith("t.tsv:3:8: the row's ecosystem is not python, nodejs or ambiguous");
        // and a well-formed one, with Windows line ends, reads
        assertThat(LibraryCatalogue.of("t.tsv", (header + "django\tpython\t\t1\r\n").getBytes(StandardCharsets.UTF_8))
                .ecosystemOf("Django")).contains(PYTHON);
    }

    private static void assertMalformed(String text, String message) {
        LibraryCatalogue catalogue = LibraryCatalogue.of("t.tsv", text.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(catalogue::validate)
                .isInstanceOf(MalformedCatalogueException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void whenTheScriptRunsAgainOnTheSameLists_thenItWritesTheSameFile(@TempDir Path folder) throws Exception {
        Assumptions.assumeTrue(Files.isReadable(PYPI_LIST) && Files.isReadable(NPM_LIST),
                "the registries' package lists are not on this machine: " + PYPI_LIST + ", " + NPM_LIST);
        Assumptions.assumeTrue(commandWorks("python3", "--version"), "python3 is not on this machine");
        String committed = Files.readString(FILE);
        Assumptions.assumeTrue(committed.contains(sha256(PYPI_LIST)) && committed.contains(sha256(NPM_LIST)),
                "the package lists on this machine are not the ones the catalogue was made from (see its header's"
                        + " sha256); run the script to regenerate it");
        Path out = folder.resolve("catalogue.tsv");
        Process process = new ProcessBuilder("python3", SCRIPT.toString(), "--pypi", PYPI_LIST.toString(),
                "--npm", NPM_LIST.toString(), "--out", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(Files.readAllBytes(out)).as("the script's output equals " + FILE).isEqualTo(Files.readAllBytes(FILE));
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void whenTheCatalogueIsCounted_thenTheHeaderTellsTheSameCounts() throws IOException {
        List<String> lines = Files.readAllLines(FILE);
        long rows = lines.stream().filter(line -> !line.startsWith("#") && !line.equals(LibraryCatalogue.COLUMNS)).count();
        assertThat(rows).isEqualTo(CATALOGUE.size());
        assertThat(String.join("\n", CATALOGUE.provenance())).contains(String.format("Rows: %,d:", rows));
    }
}
