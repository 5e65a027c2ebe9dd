package org.stackadvisor.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file a command is asked to write: checked before the work, so that a folder given as the
 * target or a missing folder is named in one sentence (exit 74) instead of the text of an
 * exception about a temporary file. The writing itself goes through a temporary file in the
 * target's own folder, moved over the target atomically.
 */
final class OutputFile {
    private OutputFile() {
    }

    /** Why {@code target} cannot be written, as the end of a sentence; null when it can be tried. */
    static String problem(Path target, String example) {
        if (Files.isDirectory(target)) {
            return "it is a folder; give the file to write, such as " + target.resolve(example);
        }
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.exists(folder)) {
            return "its folder " + folder + " does not exist (create it first)";
        }
        if (!Files.isDirectory(folder)) {
            return folder + " is not a folder";
        }
        return null;
    }
}
