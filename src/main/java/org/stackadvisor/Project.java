package org.stackadvisor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stackadvisor.internal.input.FactsFormat;
import org.stackadvisor.internal.json.JsonDocumentReader;

/**
 * A project to decide: the input of Stack Advisor, in the terms of the facts contract.
 *
 * <p>Build one in code:
 * <pre>{@code
 * Project chat = Project.builder("Support-desk live chat")
 *         .systemSize("small")
 *         .traits("real-time", "chat", "io-bound")
 *         .libraries("express", "react")
 *         .teamSkills("javascript", "async")
 *         .build();
 * }</pre>
 * or parse a facts document:
 * <pre>{@code
 * Project chat = Project.parse("{\"name\": \"Support-desk live chat\", \"traits\": [\"chat\"]}");
 * Project fromFile = Project.read(Path.of("facts/live-chat.json"));
 * Project fromYaml = Project.read(Path.of("project.yaml"));
 * }</pre>
 *
 * <p>Parsing checks the JSON itself; the terms are checked against the rule base's vocabulary
 * when the project is decided, so one rule base may know terms another does not. A
 * {@code Project} is immutable and may be shared between threads.
 */
public final class Project {
    /** The largest facts file that {@link #read(Path)} accepts, in bytes. */
    public static final long DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

    private final Map<String, Object> document;
    private final String source;
    /** The JSON text of a document read without places, placed when a check first needs one; else null. */
    private final String text;
    private volatile Map<String, int[]> positions;

    private Project(Map<String, Object> document, Map<String, int[]> positions, String source) {
        this(document, positions, source, null);
    }

    private Project(Map<String, Object> document, Map<String, int[]> positions, String source, String text) {
        this.document = document;
        this.positions = positions;
        this.source = source;
        this.text = text;
    }

    /** Starts a project with its name, the one required field. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Parses a facts document (JSON).
     *
     * @throws InvalidFactsException when the text is not a JSON object, with every problem found
     */
    public static Project parse(String document) {
        return parse(document, "<input>");
    }

    /**
     * Parses a facts document (JSON), naming it {@code sourceName} in problems.
     *
     * @throws InvalidFactsException when the text is not a JSON object, with every problem found
     */
    public static Project parse(String document, String sourceName) {
        return parse(document, sourceName, FactsFormat.JSON);
    }

    /**
     * Parses a facts document written in YAML, naming it {@code sourceName} in problems: the same
     * fields, checks and canonical facts (so the same {@code input.sha256}) as the JSON it stands for.
     *
     * @throws InvalidFactsException when the text is not a YAML mapping, with every problem found
     */
    public static Project parseYaml(String document, String sourceName) {
        return parse(document, sourceName, FactsFormat.YAML);
    }

    private static Project parse(String document, String sourceName, FactsFormat format) {
        Objects.requireNonNull(document, "document");
        if (format == FactsFormat.JSON) {
            // Most documents are valid, and placing every value costs as much as parsing: a valid
            // one is placed only if a check of its terms has a problem to point at.
            Object root = JsonDocumentReader.readValues(document);
            if (root instanceof Map) {
                return new Project(unmodifiableAsRead(root), null, sourceName, document);
            }
        }
        JsonDocumentReader.Parsed parsed = JsonDocumentReader.read(document, sourceName, format);
        List<Problem> problems = new ArrayList<>(parsed.problems);
        if (problems.isEmpty() && !(parsed.root instanceof Map)) {
            int[] at = parsed.positions.getOrDefault("$", new int[] {1, 1});
            problems.add(new Problem(sourceName, at[0], at[1], "$", format == FactsFormat.YAML
                    ? "a facts document is a YAML mapping such as name: My project"
                    : "a facts document is a JSON object such as {\"name\": \"My project\"}"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) parsed.root;
        return new Project(unmodifiableAsRead(root), Collections.unmodifiableMap(parsed.positions), sourceName);
    }

    /**
     * Reads and parses a facts file of at most {@link #DEFAULT_MAX_FILE_SIZE} bytes of UTF-8 JSON, or
     * YAML when its name ends in {@code .yaml} or {@code .yml}.
     *
     * @throws InvalidFactsException when the file is missing, unreadable, too large, not UTF-8 or not
     *     a JSON object
     */
    public static Project read(Path file) {
        return read(file, DEFAULT_MAX_FILE_SIZE);
    }

    /**
     * Reads and parses a facts file of at most {@code maxBytes} bytes of UTF-8 JSON, or YAML when its
     * name ends in {@code .yaml} or {@code .yml}.
     *
     * @throws InvalidFactsException when the file is missing, unreadable, too large, not UTF-8 or not
     *     a JSON object
     */
    public static Project read(Path file, long maxBytes) {
        String source = file.toString();
        byte[] bytes;
        // One open, one size and one read: a facts file is a few hundred bytes, and the system
        // calls cost more than parsing it. A directory opens but cannot be read.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > maxBytes) {
                throw invalid(source, "is " + size + " bytes; facts files are limited to " + maxBytes + " bytes");
            }
            bytes = readRegularFile(channel, (int) size);
            if (bytes == null) {
                bytes = readAtMost(Channels.newInputStream(channel), maxBytes);
            }
        } catch (NoSuchFileException e) {
            throw invalid(source, "no such file");
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw invalid(source, "is a directory, not a facts file");
            }
            throw invalid(source, "cannot be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        Path name = file.getFileName();
        return parse(bytes, source, maxBytes, FactsFormat.ofFileName(name == null ? source : name.toString()));
    }

    /**
     * Reads and parses one facts document of at most {@code maxBytes} bytes of UTF-8 from a stream,
     * such as standard input, naming it {@code sourceName} in problems. The document is JSON when its
     * first character other than white space is <code>{</code> (or {@code [} or {@code /}), YAML otherwise.
     * The stream is read to its end (or one byte past the limit) and not closed.
     *
     * @throws InvalidFactsException when the stream cannot be read, or holds too much, or is not
     *     UTF-8, or not a facts document
     */
    public static Project read(InputStream in, String sourceName, long maxBytes) {
        byte[] bytes;
        try {
            bytes = readAtMost(in, maxBytes);
        } catch (IOException e) {
            throw invalid(sourceName, "cannot be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return parse(bytes, sourceName, maxBytes, null);
    }

    /** Bytes to a project: at most {@code maxBytes}, UTF-8, a BOM dropped; a null format is sniffed. */
    private static Project parse(byte[] bytes, String source, long maxBytes, FactsFormat format) {
        if (bytes.length > maxBytes) {
            throw invalid(source, "holds more than " + maxBytes + " bytes; facts files are limited to " + maxBytes + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(source, "is not UTF-8 text; facts files are UTF-8 " + (format == FactsFormat.YAML ? "YAML" : "JSON"));
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return parse(text, source, format != null ? format : FactsFormat.sniff(text));
    }

    /**
     * The file's bytes in one read, when it holds exactly the size it reported: a read of a regular
     * file that returns less than it asked for has reached the end, so asking for one byte more
     * than the size reads a whole file in one call. Null, with the channel back at its start, when
     * it reports no size (a pipe, a device, a file of the kernel's) or its size changed meanwhile:
     * then it is read to its end.
     */
    private static byte[] readRegularFile(FileChannel channel, int size) throws IOException {
        if (size == 0) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size + 1);
        if (channel.read(buffer) != size) {
            channel.position(0);
            return null;
        }
        return Arrays.copyOf(buffer.array(), size);
    }

    /**
     * Reads one byte past the limit at most, so that a device or pipe that never ends (such as
     * /dev/zero) costs bounded memory and time, like a file whose size the file system reports.
     */
    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        return in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16));
    }

    private static InvalidFactsException invalid(String source, String message) {
        return new InvalidFactsException(List.of(new Problem(source, 0, 0, "", message)));
    }

    /** The project's name, or empty text when the document has none (deciding it then fails). */
    public String name() {
        Object name = document.get("name");
        return name instanceof String ? (String) name : "";
    }

    /** Where the project came from: the file name, {@code <input>} or {@code <builder>}. */
    public String source() {
        return source;
    }

    Map<String, Object> document() {
        return document;
    }

    /** The 1-based line and column of a JSON path, or null when unknown (a built project). */
    int[] position(String path) {
        Map<String, int[]> placed = positions;
        if (placed == null) {
            placed = text == null ? Map.of() : Collections.unmodifiableMap(JsonDocumentReader.read(text, source).positions);
            positions = placed;
        }
        return placed.get(path);
    }

    @Override
    public String toString() {
        return "Project" + document;
    }

    /** The reader's own maps and lists, which nothing else holds, made unmodifiable without a copy. */
    @SuppressWarnings("unchecked")
    private static <T> T unmodifiableAsRead(Object value) {
        if (value instanceof Map) {
            Map<String, Object> map = (Map<String, Object>) value;
            map.replaceAll((key, child) -> unmodifiableAsRead(child));
            return (T) Collections.unmodifiableMap(map);
        }
        if (value instanceof List) {
            List<Object> list = (List<Object>) value;
            list.replaceAll(Project::unmodifiableAsRead);
            return (T) Collections.unmodifiableList(list);
        }
        return (T) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepUnmodifiable(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Map) {
                value = deepUnmodifiable((Map<String, Object>) value);
            } else if (value instanceof List) {
                value = Collections.unmodifiableList(new ArrayList<>((List<Object>) value));
            }
            copy.put(entry.getKey(), value);
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Builds a {@link Project} field by field. The named methods cover the facts contract; {@link
     * #set} and {@link #add} reach any field a rule base's vocabulary declares, by its dotted path.
     */
    public static final class Builder {
        private final Map<String, Object> document = new LinkedHashMap<>();

        private Builder(String name) {
            document.put("name", Objects.requireNonNull(name, "name"));
        }

        /** The business domain, a lowercase word such as {@code banking}. */
        public Builder domain(String domain) {
            return set("domain", domain);
        }

        /** {@code small}, {@code medium} or {@code large}. */
        public Builder systemSize(String systemSize) {
            return set("systemSize", systemSize);
        }

        /** {@code small}, {@code moderate}, {@code large} or {@code huge}. */
        public Builder dataVolume(String dataVolume) {
            return set("dataVolume", dataVolume);
        }

        /** Adds traits such as {@code real-time} or {@code io-bound}. */
        public Builder traits(String... traits) {
            return add("traits", traits);
        }

        /** Adds needs such as {@code web-app} or {@code machine-learning}. */
        public Builder needs(String... needs) {
            return add("needs", needs);
        }

        /** Adds libraries the project plans to use, such as {@code django} or {@code express}. */
        public Builder libraries(String... libraries) {
            return add("libraries", libraries);
        }

        /** Adds the team's skills: {@code javascript}, {@code async}, {@code python}. */
        public Builder teamSkills(String... skills) {
            return add("team.skills", skills);
        }

        /** {@code new}, {@code intermediate} or {@code expert}. */
        public Builder teamExperience(String experience) {
            return set("team.experience", experience);
        }

        /** Whether the team has back-end experts. */
        public Builder teamBackendExperts(boolean backendExperts) {
            return set("team.backendExperts", backendExperts);
        }

        /** Sets a single-valued field by its dotted path, such as {@code team.experience}. */
        public Builder set(String field, Object value) {
            Objects.requireNonNull(value, field);
            parent(field).put(leaf(field), value);
            return this;
        }

        /** Adds terms to a list field by its dotted path, such as {@code team.skills}. */
        @SuppressWarnings("unchecked")
        public Builder add(String field, String... terms) {
            Object existing = parent(field).computeIfAbsent(leaf(field), key -> new ArrayList<>());
            if (!(existing instanceof List)) {
                throw new IllegalStateException(field + " is not a list field");
            }
            ((List<Object>) existing).addAll(Arrays.asList(terms));
            return this;
        }

        /** The project, immutable. */
        public Project build() {
            return new Project(deepUnmodifiable(document), Map.of(), "<builder>");
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> parent(String field) {
            Map<String, Object> node = document;
            String[] parts = field.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                node = (Map<String, Object>) node.computeIfAbsent(parts[i], key -> new LinkedHashMap<>());
            }
            return node;
        }

        private static String leaf(String field) {
            return field.substring(field.lastIndexOf('.') + 1);
        }
    }
}
