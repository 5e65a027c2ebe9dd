package org.stackadvisor.cli;

import java.io.InputStream;

/**
 * The standard input of the running command: {@link System#in}, or the stream that {@link
 * StackAdvisorCommand#execute(String[], InputStream, java.io.PrintWriter, java.io.PrintWriter)}
 * was given (tests and embedding), for the thread that runs it.
 */
final class StandardInput {
    /** How problems name a document read from standard input. */
    static final String NAME = "<stdin>";
    private static final ThreadLocal<InputStream> GIVEN = new ThreadLocal<>();

    private StandardInput() {
    }

    static InputStream get() {
        InputStream given = GIVEN.get();
        return given != null ? given : System.in;
    }

    static void set(InputStream in) {
        if (in == null) {
            GIVEN.remove();
        } else {
            GIVEN.set(in);
        }
    }
}
