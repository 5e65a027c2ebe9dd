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
    /** How bad a problem is: an error stops a rule base or a facts file; a warning does not. */
    public enum Severity {
        /** The input cannot be used as it is. */
        ERROR,
        /** The input works, but probably not as its author meant. */
        WARNING;

        /** {@code error} or {@code warning}, as compilers print it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Severity severity;
    private final String source;
    private final int line;
    private final int column;
    private final String path;
    private final String message;

    /**
     * An error.
     *
     * @param source the file or input it is about
     * @param line its 1-based line, or 0 when unknown
     * @param column its 1-based column, or 0 when unknown
     * @param path its JSON path, or empty
     * @param message what is wrong
     */
    public Problem(String source, int line, int column, String path, String message) {
        this(Severity.ERROR, source, line, column, path, message);
    }

    /**
     * An error or a warning.
     *
     * @param severity error or warning
     * @param source the file or input it is about
     * @param line its 1-based line, or 0 when unknown
     * @param column its 1-based column, or 0 when unknown
     * @param path its JSON path, or empty
     * @param message what is wrong
     */
    public Problem(Severity severity, String source, int line, int column, String path, String message) {
        this.severity = Objects.requireNonNull(severity, "severity");
        this.source = source == null ? "<input>" : source;
        this.line = line;
        this.column = column;
        this.path = path == null ? "" : path;
        this.message = Objects.requireNonNull(message, "message");
    }

    /** Whether it is an {@linkplain Severity#ERROR error} (the default) or a {@linkplain Severity#WARNING warning}. */
    public Severity severity() {
        return severity;
    }

    /**
     * The problem in the compiler convention with its severity, as {@code verify} prints it:
     * {@code rules/use-cases.drl:12:40: error: unknown term 'real-tme' ...}.
     */
    public String toCompilerLine() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line).append(':').append(Math.max(column, 1));
        }
        text.append(": ").append(severity.label()).append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
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
        return other instanceof Problem && severity == ((Problem) other).severity && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return 31 * severity.hashCode() + toString().hashCode();
    }
}
