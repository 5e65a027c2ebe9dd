package org.stackadvisor.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stackadvisor.internal.input.FactsFormat;
import org.stackadvisor.internal.input.PlainMessages;
import org.stackadvisor.internal.input.YamlFacts;
import org.stackadvisor.Problem;

/**
 * Reads a JSON document into plain Java values (maps, lists, strings, booleans, numbers and
 * null) and remembers where each value and key stood, so that later checks can report a line
 * and column. Duplicate keys are problems, not silent overwrites.
 */
public final class JsonDocumentReader {
    static final int MAX_DEPTH = 32;
    public static final int MAX_STRING_LENGTH = 10_000;
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_KEY_LENGTH = 200;
    /** Values and keys together; a facts file has a few dozen. */
    static final int MAX_VALUES = 10_000;
    /**
     * Values and keys of a rule base's manifest: its vocabulary grows with the rules (a generated
     * base of 10,000 rules names about 10,000 terms), and its authors are trusted more than facts.
     */
    public static final int MAX_MANIFEST_VALUES = 1_000_000;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_KEY_LENGTH)
            .build();
    private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    /** YAML's factory, made (and SnakeYAML loaded) when the first YAML document is read. */
    private static final class Yaml {
        static final JsonFactory FACTORY = YamlFacts.factory(CONSTRAINTS, Integer.MAX_VALUE);
    }

    /** A parsed document: its root value, the place of every value by JSON path, and problems. */
    public static final class Parsed {
        public final Object root;
        public final Map<String, int[]> positions;
        public final List<Problem> problems;

        Parsed(Object root, Map<String, int[]> positions, List<Problem> problems) {
            this.root = root;
            this.positions = positions;
            this.problems = problems;
        }
    }

    private final String source;
    private final int maxValues;
    private final String usualSize;
    private final FactsFormat format;
    /** The whole text, to tell a JSON file that holds YAML; null for a manifest. */
    private final String factsText;
    /** Null when reading for the values alone ({@link #readValues}): then no value is placed. */
    private final Map<String, int[]> positions;
    private final List<Problem> problems = new ArrayList<>();
    private int values;

    private JsonDocumentReader(String source, int maxValues, String usualSize, FactsFormat format, String factsText,
            boolean placed) {
        this.source = source;
        this.maxValues = maxValues;
        this.usualSize = usualSize;
        this.format = format;
        this.factsText = factsText;
        this.positions = placed ? new LinkedHashMap<>() : null;
    }

    /** Reads a JSON facts document, which may come from anyone: at most {@link #MAX_VALUES} values. */
    public static Parsed read(String text, String source) {
        return read(text, source, FactsFormat.JSON);
    }

    /** Reads a facts document in JSON or YAML, which may come from anyone: at most {@link #MAX_VALUES} values. */
    public static Parsed read(String text, String source, FactsFormat format) {
        return read(new JsonDocumentReader(source, MAX_VALUES, "a facts file needs a few dozen", format, text, true), text);
    }

    /**
     * The root value of a JSON facts document that {@link #read} accepts, or null when {@code read}
     * would find a problem: the same checks, without the place of each value and key. Placing them
     * costs more than parsing a facts file, so a document that passes is placed only when a later
     * check has a problem to report, and one that fails is read again by {@code read} for its messages.
     */
    public static Object readValues(String text) {
        JsonDocumentReader reader = new JsonDocumentReader("", MAX_VALUES, "", FactsFormat.JSON, text, false);
        Parsed parsed = read(reader, text);
        return parsed.problems.isEmpty() ? parsed.root : null;
    }

    /** Reads a rule base's manifest: at most {@link #MAX_MANIFEST_VALUES} values. */
    public static Parsed readManifest(String text, String source) {
        return read(new JsonDocumentReader(source, MAX_MANIFEST_VALUES, "a manifest needs about two per rule", FactsFormat.JSON,
                null, true), text);
    }

    private static Parsed read(JsonDocumentReader reader, String text) {
        Object root = null;
        try (JsonParser parser = (reader.format == FactsFormat.YAML ? Yaml.FACTORY : FACTORY).createParser(text)) {
            root = reader.document(parser);
        } catch (IOException e) {
            reader.problem(0, 0, "", "could not be read: " + e.getMessage());
        }
        return new Parsed(root, reader.positions, reader.problems);
    }

    private Object document(JsonParser parser) {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problem(1, 1, "", format == FactsFormat.YAML ? "the document is empty; a facts file is a YAML mapping such as name: My project"
                        : "the document is empty; a facts file is a JSON object such as {\"name\": \"My project\"}");
                return null;
            }
            Object root = value(parser, "$", 0);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                problem(at.getLineNr(), at.getColumnNr(), "", format == FactsFormat.YAML
                        ? "a second YAML document follows the first; a facts file holds one" : "unexpected content after the end of the JSON document");
            }
            return root;
        } catch (StreamConstraintsException e) {
            // A long text is named where it starts (where the parser stopped in it depends on its
            // buffers); a too-deep list where it opens; a long number or key where it ends.
            String limit = firstLine(e.getOriginalMessage());
            JsonLocation at = limit.startsWith("String value length") || limit.startsWith("Document nesting depth")
                    ? parser.currentTokenLocation() : parser.currentLocation();
            problem(at.getLineNr(), at.getColumnNr(), "", "the document exceeds a limit: " + describeLimit(e.getOriginalMessage()));
        } catch (TooManyValues e) {
            JsonLocation at = parser.currentTokenLocation();
            problem(at.getLineNr(), at.getColumnNr(), "", "the document exceeds a limit: it holds more than " + maxValues
                    + " values; " + usualSize);
        } catch (JsonParseException e) {
            if (format == FactsFormat.YAML) {
                int[] at = YamlFacts.place(e);
                problem(at[0], at[1], "", "not valid YAML: " + YamlFacts.describe(e));
                return null;
            }
            JsonLocation at = e.getLocation() == null ? parser.currentLocation() : e.getLocation();
            problem(at.getLineNr(), at.getColumnNr(), "", "not valid JSON: " + describeSyntaxError(e.getOriginalMessage()));
        } catch (IOException e) {
            problem(0, 0, "", "could not be read: " + e.getMessage());
        }
        return null;
    }

    /** Ends reading early: a document with this many values is not a facts file, and would cost memory. */
    private static final class TooManyValues extends IOException {
        private static final long serialVersionUID = 1L;

        TooManyValues() {
            super(null, null);
        }
    }

    /**
     * One value and what it holds. When values are not placed, {@code path} is null and not built:
     * problems are then only counted, and {@code read} places them if the caller needs them.
     */
    private Object value(JsonParser parser, String path, int depth) throws IOException {
        count();
        if (positions != null) {
            positions.put(path, place(parser));
        }
        if (format == FactsFormat.YAML && YamlFacts.atAnchorOrAlias(parser)) {
            problemHere(parser, path, "YAML anchors and aliases (&name, *name) are not allowed in a facts file; write the value out");
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    if (key.length() > MAX_KEY_LENGTH) { // YAML's parser leaves this limit to its reader
                        throw new StreamConstraintsException("Name length (" + key.length() + ") exceeds the maximum allowed");
                    }
                    String childPath = path == null ? null : path + "." + key;
                    checkUnicode(parser, key, childPath, "key");
                    boolean duplicate = object.containsKey(key);
                    if (duplicate) {
                        problemHere(parser, childPath, "duplicate key '" + key + "'");
                    }
                    int[] keyAt = positions == null ? null : place(parser);
                    parser.nextToken();
                    Object child = value(parser, duplicate && childPath != null ? childPath + "#duplicate" : childPath, depth + 1);
                    if (!duplicate) {
                        object.put(key, child);
                        values++; // a key counts once its value is read
                        if (keyAt != null) {
                            positions.put(childPath + "#key", keyAt);
                        }
                    }
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, path == null ? null : path + "[" + array.size() + "]", depth + 1));
                }
                return array;
            }
            case VALUE_STRING: {
                String text = parser.getText();
                if (text.length() > MAX_STRING_LENGTH) { // YAML's parser leaves this limit to its reader
                    throw new StreamConstraintsException("String value length (" + text.length() + ") exceeds the maximum allowed");
                }
                checkUnicode(parser, text, path, "text");
                return text;
            }
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            default:
                problemHere(parser, path, "unexpected JSON token " + token);
                return null;
        }
    }

    /** Counts a value or a key: a document with too many is refused before it costs more memory. */
    private void count() throws TooManyValues {
        if (values >= maxValues) {
            throw new TooManyValues();
        }
        values++;
    }

    private static int[] place(JsonParser parser) {
        JsonLocation at = parser.currentTokenLocation();
        return new int[] {at.getLineNr(), at.getColumnNr()};
    }

    /**
     * A lone surrogate (such as an escaped {@code \\ud800} with no low surrogate after it) is no
     * Unicode character: UTF-8 cannot encode it, so it would be hashed as {@code ?} and two
     * documents would share one input hash. It is a problem at its place.
     */
    private void checkUnicode(JsonParser parser, String text, String path, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                problemHere(parser, path, String.format("the %s holds a lone surrogate \\u%04x at character %d:"
                        + " it is not a Unicode character (a surrogate must come in a high-low pair)", what, (int) c, i + 1));
                return;
            }
        }
    }

    /** A problem at the token the parser stands on. */
    private void problemHere(JsonParser parser, String path, String message) {
        int[] at = place(parser);
        problem(at[0], at[1], path, message);
    }

    private void problem(int line, int column, String path, String message) {
        problems.add(new Problem(source, line, column, path, message));
    }

    /** Jackson's limit messages name its Java API; users get the limit in the document's terms. */
    private static String describeLimit(String message) {
        String first = firstLine(message);
        if (first.startsWith("Document nesting depth")) {
            return "it nests objects and lists deeper than " + MAX_DEPTH + " levels";
        }
        if (first.startsWith("String value length")) {
            return "a text value is longer than " + MAX_STRING_LENGTH + " characters";
        }
        if (first.startsWith("Number value length")) {
            return "a number is longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        if (first.startsWith("Name length")) {
            return "a key is longer than " + MAX_KEY_LENGTH + " characters";
        }
        return first;
    }

    private String describeSyntaxError(String message) {
        String first = firstLine(message);
        if (first.contains("end-of-input") || first.contains("expected close marker")) {
            return "the document ends too early (is it truncated?): " + first;
        }
        return PlainMessages.jsonSyntax(first, factsText == null ? "" : factsText, factsText != null);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
