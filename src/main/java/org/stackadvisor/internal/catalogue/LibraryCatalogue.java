package org.stackadvisor.internal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * <p>The file is read and indexed on the first question, not when the catalogue is made, so a
 * rule base that never asks costs nothing; one catalogue is safe to share between threads.
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
     * @throws MalformedCatalogueException on the first question, when the file has a malformed row
     */
    public Optional<Ecosystem> ecosystemOf(String name) {
        Index catalogue = index();
        String lower = npmForm(name.strip());
        Ecosystem ecosystem = catalogue.names.get(lower);
        if (ecosystem != null) {
            return Optional.of(ecosystem);
        }
        ecosystem = catalogue.names.get(pypiForm(lower));
        if (ecosystem != null && ecosystem != Ecosystem.NODEJS) {
            return Optional.of(ecosystem);
        }
        String scope = scopeOf(lower);
        if (scope != null && catalogue.scopes.contains(scope)) {
            return Optional.of(Ecosystem.NODEJS);
        }
        return Optional.empty();
    }

    /** How many names the catalogue holds. */
    public int size() {
        return index().names.size();
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
                    read = Index.parse(source, new String(bytes.get(), StandardCharsets.UTF_8));
                    index = read;
                }
            }
        }
        return read;
    }

    /** The parsed file: each name's ecosystem, the scopes of its scoped names, and its header. */
    private static final class Index {
        final Map<String, Ecosystem> names;
        final Set<String> scopes;
        final List<String> provenance;

        private Index(Map<String, Ecosystem> names, Set<String> scopes, List<String> provenance) {
            this.names = names;
            this.scopes = scopes;
            this.provenance = provenance;
        }

        static Index parse(String source, String text) {
            Map<String, Ecosystem> names = new HashMap<>(16_384);
            Set<String> scopes = new HashSet<>();
            List<String> provenance = new ArrayList<>();
            boolean columns = false;
            int lineNumber = 0;
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
                start = end + 1;
                lineNumber++;
                if (line.startsWith("#")) {
                    if (!columns) {
                        provenance.add(line.substring(1).strip());
                    }
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (!columns) {
                    if (!line.equals(COLUMNS)) {
                        throw new MalformedCatalogueException(source, lineNumber, 1, "expected the columns' line '"
                                + COLUMNS.replace("\t", "<tab>") + "' after the header's # lines");
                    }
                    columns = true;
                    continue;
                }
                row(source, lineNumber, line, names, scopes);
            }
            if (!columns && !text.isBlank()) {
                throw new MalformedCatalogueException(source, lineNumber, 0, "has no columns' line '"
                        + COLUMNS.replace("\t", "<tab>") + "'");
            }
            return new Index(Collections.unmodifiableMap(names), Collections.unmodifiableSet(scopes),
                    Collections.unmodifiableList(provenance));
        }

        private static void row(String source, int lineNumber, String line, Map<String, Ecosystem> names, Set<String> scopes) {
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
            if (names.putIfAbsent(name, ecosystem) != null) {
                throw new MalformedCatalogueException(source, lineNumber, 1, "the name '" + name + "' is catalogued twice");
            }
            String scope = scopeOf(name);
            if (scope != null) {
                scopes.add(scope);
            }
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
