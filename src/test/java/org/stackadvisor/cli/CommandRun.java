package org.stackadvisor.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process with captured output, as a user would see it. */
final class CommandRun {
    final int exitCode;
    final String out;
    final String err;

    private CommandRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CommandRun of(String... args) {
        return withInput(null, args);
    }

    /** {@code verify --rules DIR}. */
    static CommandRun verify(Object rulesFolder) {
        return of("verify", "--rules", rulesFolder.toString());
    }

    /** Runs with {@code stdin} (UTF-8) as standard input; null leaves {@link System#in}. */
    static CommandRun withInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = stdin == null ? null : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int code = StackAdvisorCommand.execute(args, in, new PrintWriter(out), new PrintWriter(err));
        return new CommandRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
