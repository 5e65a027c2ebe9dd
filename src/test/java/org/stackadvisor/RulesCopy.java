package org.stackadvisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the bundled rule base's folder, {@code rules/}, that a test may edit. */
final class RulesCopy {
    private RulesCopy() {
    }

    /** Copies every file of {@code rules/} into {@code folder/rules} and returns that folder. */
    static Path into(Path folder) throws IOException {
        Path copy = folder.resolve("rules");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }
}
