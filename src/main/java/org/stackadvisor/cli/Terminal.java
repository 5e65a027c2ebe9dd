package org.stackadvisor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal, whatever standard output is: a batch shows its progress
 * there also when its decisions go to a file ({@code decide --batch in.jsonl > out.jsonl}). Java 17
 * has no isatty for one stream ({@code System.console()} needs standard input and output to be
 * terminals), so on Linux the link {@code /proc/self/fd/2} tells; elsewhere the console does.
 */
final class Terminal {
    private static final Path STANDARD_ERROR = Path.of("/proc/self/fd/2");

    private Terminal() {
    }

    static boolean standardError() {
        if (!Files.isDirectory(STANDARD_ERROR.getParent())) {
            return System.console() != null;
        }
        return isTerminal(STANDARD_ERROR);
    }

    /** Whether the file descriptor link {@code fd} (such as {@code /proc/self/fd/2}) leads to a terminal device. */
    static boolean isTerminal(Path fd) {
        try {
            String device = Files.readSymbolicLink(fd).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
