package org.stackadvisor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes plain Java values (maps in their own order, lists, text, numbers, booleans) as JSON,
 * byte for byte the same for the same values, with {@code \n} line ends on every platform.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {
    }

    static String write(Object value, boolean pretty) {
        try {
            return (pretty ? PRETTY : COMPACT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialize", e);
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
