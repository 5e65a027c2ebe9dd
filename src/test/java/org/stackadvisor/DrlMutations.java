package org.stackadvisor;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Mutation fuzzing of a rule base: copies {@code rules/} and breaks one DRL file the way a
 * hurried editor would (a character or token deleted or doubled, a keyword or bracket dropped
 * in, two lines swapped, the file cut short), then hands the copy to a check. Any command or API
 * that loads rule bases can be fuzzed by passing its own check:
 * <pre>{@code
 * DrlMutations.fuzz("verify", 20, folder, (rules, mutation) -> {
 *     CommandRun run = CommandRun.of("verify", "--rules", rules.toString());
 *     ...
 * });
 * }</pre>
 * The seed is fixed unless {@code -Ddrl.fuzz.seed=S} (or {@code random}) says otherwise; a failure
 * names the mutation and the seed.
 */
public final class DrlMutations {
    static final Path RULES = Path.of("rules");
    private static final List<String> DROPPED_IN = List.of("end", "then", "when", "rule \"Dropped in\"", "(", ")", "\"", ";", ",",
            "insertLogical(", "$x", "not", "&&", "==", "import java.io.File;", "@claims(", "package x;", "Term(", "}", "{");

    /** A check of one mutated copy of the rule base. */
    @FunctionalInterface
    public interface RuleBaseCheck {
        void check(Path mutatedRules, Mutation mutation) throws Exception;
    }

    private DrlMutations() {
    }

    /**
     * Runs {@code check} on {@code count} mutated copies, each in its own folder under
     * {@code workFolder}, and prints a summary line naming {@code what} was fuzzed.
     */
    public static void fuzz(String what, int count, Path workFolder, RuleBaseCheck check) {
        long seed = FactsDocuments.seed("drl.fuzz.seed", 20_261_126L + what.hashCode());
        AtomicInteger copies = new AtomicInteger();
        AtomicInteger crashes = new AtomicInteger();
        try {
            qt().withFixedSeed(seed).withExamples(count).withShrinkCycles(20)
                    .forAll(mutations())
                    .checkAssert(mutation -> {
                        Path copy = workFolder.resolve("rules-" + copies.incrementAndGet());
                        try {
                            check.check(mutation.writeCopy(copy), mutation);
                        } catch (Exception | Error e) {
                            crashes.incrementAndGet();
                            throw new AssertionError(mutation + ": " + e, e);
                        }
                    });
        } finally {
            System.out.printf("DRL mutation fuzz of %s: %d mutated rule bases (seed %d), %d failures%n", what, copies.get(), seed,
                    crashes.get());
        }
    }

    /** Copies the rule base's files into {@code folder}, which is created; returns it. */
    public static Path copyRules(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        return folder;
    }

    /** Mutations of the rule base's DRL files. */
    public static Gen<Mutation> mutations() {
        List<String> files = drlFiles();
        return Generate.pick(files).zip(Generate.enumValues(Mutation.Kind.class), integers().between(0, 9_999),
                integers().between(0, 9_999), Mutation::new);
    }

    private static List<String> drlFiles() {
        try (Stream<Path> files = Files.list(RULES)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".drl")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One edit to one DRL file, at a position given in ten-thousandths of its length. */
    public static final class Mutation {
        enum Kind { DELETE_CHAR, DUPLICATE_CHAR, DELETE_TOKEN, DUPLICATE_TOKEN, DROP_IN, SWAP_LINES, TRUNCATE }

        final String file;
        final Kind kind;
        final int where;
        final int payload;

        Mutation(String file, Kind kind, int where, int payload) {
            this.file = file;
            this.kind = kind;
            this.where = where;
            this.payload = payload;
        }

        /** The mutated file's name within the rule base folder. */
        public String file() {
            return file;
        }

        /** Copies the rule base into {@code folder} with this mutation applied; returns the folder. */
        public Path writeCopy(Path folder) throws IOException {
            copyRules(folder);
            Path target = folder.resolve(file);
            Files.writeString(target, apply(Files.readString(target, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            return folder;
        }

        String apply(String text) {
            int at = Math.min(text.length() - 1, (int) ((long) text.length() * where / 10_000));
            int tokenStart = at;
            while (tokenStart > 0 && isTokenChar(text.charAt(tokenStart - 1))) {
                tokenStart--;
            }
            int tokenEnd = at;
            while (tokenEnd < text.length() && isTokenChar(text.charAt(tokenEnd))) {
                tokenEnd++;
            }
            tokenEnd = Math.max(tokenEnd, at + 1);
            switch (kind) {
                case DELETE_CHAR:
                    return text.substring(0, at) + text.substring(at + 1);
                case DUPLICATE_CHAR:
                    return text.substring(0, at + 1) + text.substring(at);
                case DELETE_TOKEN:
                    return text.substring(0, tokenStart) + text.substring(tokenEnd);
                case DUPLICATE_TOKEN:
                    return text.substring(0, tokenEnd) + " " + text.substring(tokenStart, tokenEnd) + text.substring(tokenEnd);
                case DROP_IN:
                    return text.substring(0, at) + " " + DROPPED_IN.get(payload % DROPPED_IN.size()) + " " + text.substring(at);
                case SWAP_LINES: {
                    int lineStart = text.lastIndexOf('\n', at) + 1;
                    int lineEnd = text.indexOf('\n', at);
                    int nextEnd = lineEnd < 0 ? -1 : text.indexOf('\n', lineEnd + 1);
                    if (nextEnd < 0) {
                        return text;
                    }
                    return text.substring(0, lineStart) + text.substring(lineEnd + 1, nextEnd) + "\n"
                            + text.substring(lineStart, lineEnd) + text.substring(nextEnd);
                }
                default:
                    return text.substring(0, at);
            }
        }

        private static boolean isTokenChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }

        @Override
        public String toString() {
            return kind + " in " + file + " at " + where + "/10000 (payload " + payload + ")";
        }
    }
}
