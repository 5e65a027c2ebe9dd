package org.stackadvisor.internal.catalogue;

/** A catalogue file that cannot be read: names the file, the 1-based line and column, and why. */
public final class MalformedCatalogueException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    MalformedCatalogueException(String file, int line, int column, String reason) {
        super(file + ":" + line + ":" + column + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The file as its rule base names it, such as {@code bundled:library-catalogue.tsv}. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the whole file is at fault. */
    public int line() {
        return line;
    }

    /** The 1-based column, or 0 when the whole line or file is at fault. */
    public int column() {
        return column;
    }

    /** Why, without the place. */
    public String reason() {
        return reason;
    }
}
