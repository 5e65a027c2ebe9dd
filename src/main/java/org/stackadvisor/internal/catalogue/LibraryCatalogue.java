package org.stackadvisor.internal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Which ecosystem a library belongs to, by its name, from a rule base's {@value #FILE_NAME}: the
 * most used PyPI and npm packages, made by {@code src/scripts/make_library_catalogue.py}, whose
 * header tells the sources, dates and thresholds ({@link #provenance()}).
 *
 * <p>A name is looked up as a project writes it: lowercased (npm's form), then in its PEP 503 form
 * (PyPI's: lowercase, every run of {@code -}, {@code _}, {@code .} made one {@code -}), which
 * answers for PyPI only. A scoped npm name {@code @scope/name} that the catalogue does not hold
 * finds its family: {@code nodejs} when the catalogue holds some {@code @scope/...} package.
 *
 * <p>The file is read on the first question, not when the catalogue is made, so a rule base that
 * never asks costs nothing; and it is not parsed into a map: its rows are sorted (by UTF-8 bytes,
 * which is code point order), so each question is a binary search over the file's bytes, and the
 * first one costs little more than reading them. {@link #validate()} checks every row and their
 * order, naming file:line:column of the first malformed one (for tests and a rule base's checks);
 * a lookup that meets a malformed row reports it likewise. One catalogue is safe to share between
 * threads.
 */
public final class LibraryCatalogue {
    /** The catalogue's file in a rule base folder. */
    public static final String FILE_NAME = "library-catalogue.tsv";
    /** The columns' line, the first line after the header's comments. */
    static final String COLUMNS = "name\tecosystem\tnpm_downloads_a_month\tpypi_rank";
    /** Where the build copies rules/ in the jar: RuleBaseFiles.BUNDLED_RESOURCE. */
    private static final String BUNDLED_RESOURCE = "org/stackadvisor/bundled-rules/" + FILE_NAME;
    private static final Pattern PEP_503_SEPARATORS = Pattern.compile("[-_.]+");

    /** The ecosystem of a catalogued name: a candidate of the rule base, or ambiguous. */
    public enum Ecosystem {
        PYTHON("python"), NODEJS("nodejs"), AMBIGUOUS("ambiguous");

        private final String id;

        Ecosystem(String id) {
            this.id = id;
        }

        /** As the file and the rule base write it: {@code python}, {@code nodejs} or {@code ambiguous}. */
        public String id() {
            return id;
        }

        static Ecosystem of(String id) {
            for (Ecosystem ecosystem : values()) {
                if (ecosystem.id.equals(id)) {
                    return ecosystem;
                }
            }
            return null;
        }
    }

    private final String source;
    private final Supplier<byte[]> bytes;
    private volatile Index index;

    private LibraryCatalogue(String source, Supplier<byte[]> bytes) {
        this.source = source;
        this.bytes = bytes;
    }

    /** The catalogue bundled with the rules in the jar (or target/classes); empty when there is none. */
    public static LibraryCatalogue bundled() {
        return new LibraryCatalogue("bundled:" + FILE_NAME, () -> {
            try (InputStream in = LibraryCatalogue.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
                return in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("bundled:" + FILE_NAME + " cannot be read", e);
            }
        });
    }

    /** The catalogue of a rule base folder; empty when the folder has no {@value #FILE_NAME}. */
    public static LibraryCatalogue fromDirectory(Path rulesDirectory) {
        Path file = rulesDirectory.resolve(FILE_NAME);
        return new LibraryCatalogue(file.toString(), () -> {
            try {
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                return new byte[0];
            } catch (IOException e) {
                throw new UncheckedIOException(file + " cannot be read", e);
            }
        });
    }

    /**
     * The catalogue in bytes a rule base has read already (UTF-8); {@code source} names the file
     * in problems, such as {@code bundled:library-catalogue.tsv}. Null or no bytes: an empty catalogue.
     */
    public static LibraryCatalogue of(String source, byte[] content) {
        byte[] copy = content == null ? new byte[0] : content.clone();
        return new LibraryCatalogue(source, () -> copy);
    }

    /** npm's form of a name, and the catalogue's first lookup: lowercase. */
    public static String npmForm(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** PyPI's form of a name (PEP 503): lowercase, every run of {@code -}, {@code _}, {@code .} one {@code -}. */
    public static String pypiForm(String name) {
        return PEP_503_SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /**
     * The ecosystem of a library named as a project writes it ({@code FastAPI}, {@code socket.io},
     * {@code @nestjs/testing}), or empty when the catalogue does not know it.
     *
     * @throws MalformedCatalogueException when the file has no columns' line, or the search meets a
     *     malformed row
     */
    public Optional<Ecosystem> ecosystemOf(String name) {
        Index catalogue = index();
        String lower = npmForm(name.strip());
        Ecosystem ecosystem = catalogue.find(lower);
        if (ecosystem != null) {
            return Optional.of(ecosystem);
        }
        ecosystem = catalogue.find(pypiForm(lower));
        if (ecosystem != null && ecosystem != Ecosystem.NODEJS) {
            return Optional.of(ecosystem);
        }
        String scope = scopeOf(lower);
        if (scope != null && catalogue.holdsPrefix(scope + "/")) {
            return Optional.of(Ecosystem.NODEJS);
        }
        return Optional.empty();
    }

    /**
     * Checks every row (four fields, a lowercase name, a known ecosystem, numbers where numbers go)
     * and that the names stand in strictly increasing order, and returns how many rows there are.
     *
     * @throws MalformedCatalogueException naming file:line:column of the first problem
     */
    public int validate() {
        return index().validate();
    }

    /** How many names the catalogue holds. */
    public int size() {
        return index().size();
    }

    /** The header's comment lines without their {@code #}: sources, dates, thresholds, counts. */
    public List<String> provenance() {
        return index().provenance;
    }

    /** How problems name the file. */
    public String source() {
        return source;
    }

    /** {@code @scope} of {@code @scope/name} or of {@code @scope} alone; null for an unscoped name. */
    private static String scopeOf(String name) {
        if (!name.startsWith("@")) {
            return null;
        }
        int slash = name.indexOf('/');
        String scope = slash < 0 ? name : name.substring(0, slash);
        return scope.length() > 1 ? scope : null;
    }

    private Index index() {
        Index read = index;
        if (read == null) {
            synchronized (this) {
                read = index;
                if (read == null) {
                    read = Index.of(source, bytes.get());
                    index = read;
                }
            }
        }
        return read;
    }

    /** The file's bytes, where its rows begin, and its header. */
    private static final class Index {
        final String source;
        final byte[] bytes;
        /** The offset of the first row, after the columns' line. */
        final int rows;
        /** The 1-based line of the first row. */
        final int firstRowLine;
        final List<String> provenance;

        private Index(String source, byte[] bytes, int rows, int firstRowLine, List<String> provenance) {
            this.source = source;
            this.bytes = bytes;
            this.rows = rows;
            this.firstRowLine = firstRowLine;
            this.provenance = provenance;
        }

        /** Reads the header's lines up to the columns' line; the rows are left as they are. */
        static Index of(String source, byte[] bytes) {
            List<String> provenance = new ArrayList<>();
            int start = 0;
            int line = 0;
            while (start < bytes.length) {
                int end = lineEnd(bytes, start);
                line++;
                String text = new String(bytes, start, end - start, StandardCharsets.UTF_8).replace("\r", "");
                start = Math.min(end + 1, bytes.length);
                if (text.startsWith("#")) {
                    provenance.add(text.substring(1).strip());
                } else if (text.equals(COLUMNS)) {
                    return new Index(source, bytes, start, line + 1, Collections.unmodifiableList(provenance));
                } else if (!text.isBlank()) {
                    throw new MalformedCatalogueException(source, line, 1, "expected the columns' line '"
                            + COLUMNS.replace("\t", "<tab>") + "' after the header's # lines");
                }
            }
            if (bytes.length > 0) {
                throw new MalformedCatalogueException(source, line, 0, "has no columns' line '"
                        + COLUMNS.replace("\t", "<tab>") + "'");
            }
            return new Index(source, bytes, 0, 1, List.of());
        }

        /** The ecosystem of the row named exactly {@code name}, or null. */
        Ecosystem find(String name) {
            byte[] key = name.getBytes(StandardCharsets.UTF_8);
            int row = lowerBound(key);
            if (row >= bytes.length || compareName(row, key, false) != 0) {
                return null;
            }
            int tab = nameEnd(row);
            int end = lineEnd(bytes, row);
            int next = indexOf((byte) '\t', tab + 1, end);
            Ecosystem ecosystem = next < 0 ? null : Ecosystem.of(new String(bytes, tab + 1, next - tab - 1, StandardCharsets.UTF_8));
            if (ecosystem == null) {
                throw malformed(row, tab + 2 - row, "the row's ecosystem is not python, nodejs or ambiguous");
            }
            return ecosystem;
        }

        /** Whether some row's name starts with {@code prefix}. */
        boolean holdsPrefix(String prefix) {
            byte[] key = prefix.getBytes(StandardCharsets.UTF_8);
            int row = lowerBound(key);
            return row < bytes.length && compareName(row, key, true) == 0;
        }

        /** The start of the first row whose name is not less than {@code key}, or the end of the file. */
        private int lowerBound(byte[] key) {
            int low = rows;
            int high = bytes.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                int row = middle;
                while (row > low && bytes[row - 1] != '\n') {
                    row--;
                }
                if (compareName(row, key, false) < 0) {
                    low = Math.min(lineEnd(bytes, row) + 1, bytes.length);
                } else {
                    high = row;
                }
            }
            return low;
        }

        /** The row's name against {@code key}, byte by byte; with {@code prefix}, only as far as the key goes. */
        private int compareName(int row, byte[] key, boolean prefix) {
            int end = nameEnd(row);
            int length = end - row;
            for (int i = 0; i < Math.min(length, key.length); i++) {
                int difference = (bytes[row + i] & 0xff) - (key[i] & 0xff);
                if (difference != 0) {
                    return difference;
                }
            }
            return prefix && length >= key.length ? 0 : length - key.length;
        }

        /** Where the row's name ends: at its first tab. */
        private int nameEnd(int row) {
            int end = lineEnd(bytes, row);
            int tab = indexOf((byte) '\t', row, end);
            if (tab <= row) {
                throw malformed(row, 1, "expected 4 tab-separated fields (name, ecosystem, npm_downloads_a_month, pypi_rank)");
            }
            return tab;
        }

        private int indexOf(byte wanted, int from, int to) {
            for (int i = from; i < to; i++) {
                if (bytes[i] == wanted) {
                    return i;
                }
            }
            return -1;
        }

        private static int lineEnd(byte[] bytes, int start) {
            for (int i = start; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    return i;
                }
            }
            return bytes.length;
        }

        /** A problem at a row, its line counted only now. */
        private MalformedCatalogueException malformed(int row, int column, String reason) {
            int line = firstRowLine;
            for (int i = rows; i < row; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return new MalformedCatalogueException(source, line, column, reason);
        }

        int size() {
            int count = 0;
            for (int start = rows; start < bytes.length; start = lineEnd(bytes, start) + 1) {
                count++;
            }
            return count;
        }

        int validate() {
            String text = new String(bytes, rows, bytes.length - rows, StandardCharsets.UTF_8);
            String previous = null;
            int count = 0;
            int line = firstRowLine - 1;
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                String row = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
                start = end + 1;
                line++;
                String name = row(source, line, row);
                if (previous != null && compareUtf8(previous, name) >= 0) {
                    throw new MalformedCatalogueException(source, line, 1, "the name '" + name + "' "
                            + (previous.equals(name) ? "is catalogued twice" : "stands after '" + previous
                            + "'; rows are sorted by name (as the script writes them)"));
                }
                previous = name;
                count++;
            }
            return count;
        }

        private static int compareUtf8(String a, String b) {
            return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        }

        /** Checks one row and returns its name. */
        private static String row(String source, int lineNumber, String line) {
            int first = line.indexOf('\t');
            int second = first < 0 ? -1 : line.indexOf('\t', first + 1);
            int third = second < 0 ? -1 : line.indexOf('\t', second + 1);
            if (third < 0 || line.indexOf('\t', third + 1) >= 0) {
                throw new MalformedCatalogueException(source, lineNumber, 1, "expected 4 tab-separated fields (name, ecosystem,"
                        + " npm_downloads_a_month, pypi_rank), found " + line.split("\t", -1).length);
            }
            String name = line.substring(0, first);
            if (name.isEmpty() || !name.equals(npmForm(name.strip()))) {
                throw new MalformedCatalogueException(source, lineNumber, 1, "the name '" + name
                        + "' must be non-empty, lowercase and without spaces around it");
            }
            String id = line.substring(first + 1, second);
            Ecosystem ecosystem = Ecosystem.of(id);
            if (ecosystem == null) {
                throw new MalformedCatalogueException(source, lineNumber, first + 2, "unknown ecosystem '" + id
                        + "'; allowed: python, nodejs, ambiguous");
            }
            if (!digits(line, second + 1, third, false)) {
                throw new MalformedCatalogueException(source, lineNumber, second + 2, "npm_downloads_a_month '"
                        + line.substring(second + 1, third) + "' must be a whole number or empty");
            }
            if (!digits(line, third + 1, line.length(), true)) {
                throw new MalformedCatalogueException(source, lineNumber, third + 2, "pypi_rank '"
                        + line.substring(third + 1) + "' must be a rank such as 42, >15000 or empty");
            }
            return name;
        }

        /** Whether {@code line[from, to)} is empty or 1 to 18 digits, after a {@code >} where allowed. */
        private static boolean digits(String line, int from, int to, boolean bound) {
            int start = bound && from < to && line.charAt(from) == '>' ? from + 1 : from;
            if (to - start > 18 || (start > from && start == to)) {
                return false;
            }
            for (int i = start; i < to; i++) {
                char c = line.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }
    }
}
