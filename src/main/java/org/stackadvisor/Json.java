package org.stackadvisor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes plain Java values (maps in their own order, lists, text, numbers, booleans) as JSON,
 * byte for byte the same for the same values, with {@code \n} line ends on every platform.
 *
 * <p>The format is Jackson's ({@code ObjectMapper} with a two-space {@code DefaultPrettyPrinter}
 * when pretty), which the decision JSON contract was first written with. Plain values are written
 * directly, without Jackson's serializer lookups and generator: rendering a decision cost about as
 * much as deciding it. A value of any other type is handed to Jackson as a whole, so the output is
 * Jackson's in every case; {@code JsonTest} checks the two agree.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** For each ASCII character: 0 written as is, 'u' as a backslash-u escape, else the letter after a backslash. */
    private static final char[] ESCAPES = new char[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    private Json() {
    }

    static String write(Object value, boolean pretty) {
        StringBuilder out = new StringBuilder(1024);
        try {
            append(out, value, pretty ? 0 : -1);
        } catch (NotPlain e) {
            return writeWithJackson(value, pretty);
        }
        return out.toString();
    }

    /** The same JSON through Jackson's data binding: the reference the direct writer must equal. */
    static String writeWithJackson(Object value, boolean pretty) {
        try {
            return (pretty ? PRETTY : COMPACT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialize", e);
        }
    }

    /** Appends {@code value}; {@code level} is the indentation level when pretty, -1 when compact. */
    private static void append(StringBuilder out, Object value, int level) {
        if (value instanceof String) {
            appendString(out, (String) value);
        } else if (value instanceof Map) {
            appendObject(out, (Map<?, ?>) value, level);
        } else if (value instanceof List || value instanceof Collection) {
            appendArray(out, (Collection<?>) value, level);
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigDecimal
                || value instanceof BigInteger || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue() ? "true" : "false");
        } else if (value == null) {
            out.append("null");
        } else if ((value instanceof Double && Double.isFinite((Double) value))
                || (value instanceof Float && Float.isFinite((Float) value))) {
            out.append(value);
        } else {
            throw NotPlain.INSTANCE;
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map, int level) {
        out.append('{');
        if (map.isEmpty()) {
            out.append(level < 0 ? "}" : " }");
            return;
        }
        int inner = level < 0 ? -1 : level + 1;
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String)) {
                throw NotPlain.INSTANCE;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            newLine(out, inner);
            appendString(out, (String) entry.getKey());
            out.append(level < 0 ? ":" : " : ");
            append(out, entry.getValue(), inner);
        }
        newLine(out, level);
        out.append('}');
    }

    private static void appendArray(StringBuilder out, Collection<?> items, int level) {
        out.append('[');
        if (items.isEmpty()) {
            out.append(level < 0 ? "]" : " ]");
            return;
        }
        int inner = level < 0 ? -1 : level + 1;
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newLine(out, inner);
            append(out, item, inner);
        }
        newLine(out, level);
        out.append(']');
    }

    private static void newLine(StringBuilder out, int level) {
        if (level >= 0) {
            out.append('\n');
            for (int i = 0; i < level; i++) {
                out.append("  ");
            }
        }
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        int length = text.length();
        int plainFrom = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 128 && ESCAPES[c] != 0) {
                out.append(text, plainFrom, i).append('\\');
                char escape = ESCAPES[c];
                if (escape == 'u') {
                    out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                } else {
                    out.append(escape);
                }
                plainFrom = i + 1;
            }
        }
        out.append(text, plainFrom, length).append('"');
    }

    /** A value the direct writer does not know; the whole value then goes through Jackson. */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    /** A deep copy of {@code value} with every map's keys in sorted order. */
    @SuppressWarnings("unchecked")
    static <T> T sortedKeys(T value) {
        if (value instanceof Map) {
            Map<String, Object> sorted = new LinkedHashMap<>();
            new TreeMap<>((Map<String, Object>) value).forEach((key, child) -> sorted.put(key, sortedKeys(child)));
            return (T) sorted;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            ((List<Object>) value).forEach(child -> copy.add(sortedKeys(child)));
            return (T) copy;
        }
        return value;
    }

    /** Text from untrusted input made safe to show in a message: no control characters, bounded. */
    static String quoteForMessage(String text) {
        StringBuilder safe = new StringBuilder();
        text.codePoints().limit(80).forEach(codePoint -> {
            if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
                safe.append(String.format("\\u%04x", codePoint));
            } else {
                safe.appendCodePoint(codePoint);
            }
        });
        if (text.codePointCount(0, text.length()) > 80) {
            safe.append("...");
        }
        return safe.toString();
    }
}
