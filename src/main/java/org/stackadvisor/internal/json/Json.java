package org.stackadvisor.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final ThreadLocal<Writer> WRITERS = ThreadLocal.withInitial(Writer::new);
    private static final int MAX_KEPT_CAPACITY = 1024 * 1024;
    private static final String[] INDENTS = new String[32];
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** For each ASCII character: 0 written as is, 'u' as a backslash-u escape, else the letter after a backslash. */
    private static final char[] ESCAPES = new char[128];

    static {
        for (int level = 0; level < INDENTS.length; level++) {
            INDENTS[level] = "\n" + "  ".repeat(level);
        }
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

    /**
     * A read-only JSON object that one document holds in several places (a fact shown by many
     * firings and proofs, the proof of a fact that several conclusions rest on). In compact JSON
     * the writer renders it once and copies that text wherever it appears again: a decision's
     * proofs repeat their shared subtrees, so much of its JSON line is such copies.
     */
    public static final class Shared extends AbstractMap<String, Object> {
        private final Map<String, Object> entries;

        public Shared(Map<String, Object> entries) {
            this.entries = Collections.unmodifiableMap(entries);
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public Object get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }
    }

    public static String write(Object value, boolean pretty) {
        Writer writer = WRITERS.get();
        if (writer.inUse) {
            writer = new Writer();
        }
        writer.inUse = true;
        try {
            writer.append(value, pretty ? 0 : -1);
            return writer.text.toString();
        } catch (NotPlain e) {
            return writeWithJackson(value, pretty);
        } finally {
            writer.inUse = false;
            writer.text.setLength(0);
            writer.written = null;
            if (writer.wide || writer.text.capacity() > MAX_KEPT_CAPACITY) {
                WRITERS.remove();
            }
        }
    }

    /** The same JSON through Jackson's data binding: the reference the direct writer must equal. */
    public static String writeWithJackson(Object value, boolean pretty) {
        try {
            return (pretty ? PRETTY : COMPACT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialize", e);
        }
    }

    /**
     * Writes into a buffer kept per thread between calls: a decision's JSON is 20 to 40 KB, and
     * growing a fresh buffer to that size for each one was a good part of the cost. A buffer that
     * took a character beyond Latin-1 (it then stays two bytes a character) or grew past {@link
     * #MAX_KEPT_CAPACITY} is not kept.
     */
    private static final class Writer {
        final StringBuilder text = new StringBuilder(64 * 1024);
        boolean inUse;
        boolean wide;
        /** The compact text of each {@link Shared} object written so far in this document. */
        IdentityHashMap<Shared, String> written;

        /** Appends {@code value}; {@code level} is the indentation level when pretty, -1 when compact. */
        void append(Object value, int level) {
            // Exact classes first: the common cases then cost one comparison each.
            Class<?> type = value == null ? null : value.getClass();
            if (type == String.class) {
                appendString((String) value);
            } else if (type == Shared.class && level < 0) {
                appendShared((Shared) value);
            } else if (type == LinkedHashMap.class) {
                appendObject((Map<?, ?>) value, level);
            } else if (type == ArrayList.class) {
                appendArray((Collection<?>) value, level);
            } else if (type == Integer.class) {
                text.append(((Integer) value).intValue());
            } else if (type == Boolean.class) {
                text.append(((Boolean) value).booleanValue() ? "true" : "false");
            } else if (value instanceof Map) {
                appendObject((Map<?, ?>) value, level);
            } else if (value instanceof Collection) {
                appendArray((Collection<?>) value, level);
            } else if (type == Long.class) {
                text.append(((Long) value).longValue());
            } else if (type == BigDecimal.class || type == BigInteger.class || type == Short.class || type == Byte.class) {
                text.append(value);
            } else if (value == null) {
                text.append("null");
            } else if ((type == Double.class && Double.isFinite((Double) value))
                    || (type == Float.class && Float.isFinite((Float) value))) {
                text.append(value);
            } else {
                throw NotPlain.INSTANCE;
            }
        }

        /**
         * A shared object in compact JSON: its text if it was written before in this document, else
         * written and kept. Pretty text depends on the depth, where a shared object rarely repeats
         * (measured: keeping it made pretty output 17 % dearer), so there it is written each time.
         */
        private void appendShared(Shared map) {
            if (written == null) {
                written = new IdentityHashMap<>();
            }
            String known = written.get(map);
            if (known != null) {
                text.append(known);
                return;
            }
            int start = text.length();
            appendObject(map, -1);
            written.put(map, text.substring(start));
        }

        private void appendObject(Map<?, ?> map, int level) {
            text.append('{');
            if (map.isEmpty()) {
                text.append(level < 0 ? "}" : " }");
                return;
            }
            int inner = level < 0 ? -1 : level + 1;
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey();
                if (!(key instanceof String)) {
                    throw NotPlain.INSTANCE;
                }
                if (!first) {
                    text.append(',');
                }
                first = false;
                newLine(inner);
                appendString((String) key);
                text.append(level < 0 ? ":" : " : ");
                append(entry.getValue(), inner);
            }
            newLine(level);
            text.append('}');
        }

        private void appendArray(Collection<?> items, int level) {
            text.append('[');
            if (items.isEmpty()) {
                text.append(level < 0 ? "]" : " ]");
                return;
            }
            int inner = level < 0 ? -1 : level + 1;
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    text.append(',');
                }
                first = false;
                newLine(inner);
                append(item, inner);
            }
            newLine(level);
            text.append(']');
        }

        private void newLine(int level) {
            if (level >= 0) {
                text.append(level < INDENTS.length ? INDENTS[level] : "\n" + "  ".repeat(level));
            }
        }

        private void appendString(String value) {
            text.append('"');
            int length = value.length();
            int i = 0;
            while (i < length) {
                char c = value.charAt(i);
                if (c < 0x20 || c == '"' || c == '\\' || c > 0xFF) {
                    break;
                }
                i++;
            }
            if (i == length) {
                text.append(value).append('"');
                return;
            }
            int plainFrom = 0;
            for (; i < length; i++) {
                char c = value.charAt(i);
                if (c > 0xFF) {
                    wide = true;
                } else if (c < 128 && ESCAPES[c] != 0) {
                    text.append(value, plainFrom, i).append('\\');
                    char escape = ESCAPES[c];
                    if (escape == 'u') {
                        text.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        text.append(escape);
                    }
                    plainFrom = i + 1;
                }
            }
            text.append(value, plainFrom, length).append('"');
        }
    }

    /** A value the direct writer does not know; the whole value then goes through Jackson. */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    /** Text from untrusted input made safe to show in a message: no control characters, bounded. */
    public static String quoteForMessage(String text) {
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
