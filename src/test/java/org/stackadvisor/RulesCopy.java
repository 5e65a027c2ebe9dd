package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of {@code rules/} (or {@code facts/}) in a temporary folder, for tests that change it as
 * an author would. The one copying helper of the tests, in both the API's and the commands' packages.
 */
public final class RulesCopy {
    /** The folder that holds the copy. */
    public final Path folder;

    private RulesCopy(Path folder) {
        this.folder = folder;
    }

    /** Copies every file of {@code rules/} into {@code folder/rules} and returns that folder. */
    public static Path into(Path folder) {
        return of("rules", folder.resolve("rules")).folder;
    }

    /** Copies the files directly in {@code source} (such as {@code rules}) into {@code target}. */
    public static RulesCopy of(String source, Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(Path.of(source))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file)) {
                        Files.copy(file, target.resolve(file.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RulesCopy(target);
    }

    public Path file(String name) {
        return folder.resolve(name);
    }

    /** Replaces text in one file; fails the test if the text is not there, so that an edit can never silently miss. */
    public RulesCopy replace(String name, String from, String to) {
        String text = read(name);
        assertThat(text).as(name).contains(from);
        return write(name, text.replace(from, to));
    }

    public String read(String name) {
        try {
            return Files.readString(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RulesCopy write(String name, String text) {
        try {
            Files.createDirectories(file(name).getParent());
            Files.writeString(file(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public String toString() {
        return folder.toString();
    }
}
