package org.stackadvisor;

import java.util.Objects;

/**
 * One thing wrong with an input: a facts file or a rule base file. It names the file, the
 * place in it and what is wrong, in the compiler convention that editors understand:
 * {@code facts/chat.json:3:14: $.traits[1]: unknown term 'real-tim' ...}.
 *
 * <p>Line and column are 1-based; 0 means the place is not known (a missing file, say).
 */
public final class Problem {
    private final String source;
    private final int line;
    private final int column;
    private final String path;
    private final String message;

    Problem(String source, int line, int column, String path, String message) {
        this.source = source == null ? "<input>" : source;
        this.line = line;
        this.column = column;
        this.path = path == null ? "" : path;
        this.message = Objects.requireNonNull(message, "message");
    }

    /** The file the problem is in, as the caller named it, or {@code <input>} for a document. */
    public String source() {
        return source;
    }

    /** The 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** The JSON path of the offending value (such as {@code $.team.skills[0]}), or empty. */
    public String path() {
        return path;
    }

    /** What is wrong, with the allowed values and a suggestion where there is one. */
    public String message() {
        return message;
    }

    /** The problem as {@code source:line:column: path: message}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Problem && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
