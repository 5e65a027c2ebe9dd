package org.stackadvisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The example projects shipped with the tool ({@code facts/} of the project, with their
 * expectations), the default scenarios of {@code test} and {@code coverage} on the bundled rule
 * base. Run from classes they are a folder already; run from the jar they are copied once into a
 * temporary folder, removed when the command ends.
 */
final class BundledExamples {
    static final String RESOURCE = "org/stackadvisor/bundled-facts";
    private static Path folder;

    private BundledExamples() {
    }

    /** The folder of the bundled examples. */
    static synchronized Path folder() {
        if (folder == null) {
            folder = locate();
        }
        return folder;
    }

    private static Path locate() {
        URL url = BundledExamples.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("the bundled examples (" + RESOURCE + ") are missing from the class path");
        }
        try {
            if (url.getProtocol().equals("file")) {
                return Path.of(url.toURI());
            }
            return copyOutOf(Path.of(BundledExamples.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the bundled examples: " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled examples", e);
        }
    }

    private static Path copyOutOf(Path jar) throws IOException {
        Path target = Files.createTempDirectory("stack-advisor-examples");
        target.toFile().deleteOnExit();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(RESOURCE + "/") || entry.getName().contains("..")) {
                    continue;
                }
                Path copy = target.resolve(entry.getName().substring(RESOURCE.length() + 1));
                if (entry.isDirectory()) {
                    Files.createDirectories(copy);
                } else {
                    Files.createDirectories(copy.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, copy);
                    }
                }
                // deleteOnExit removes in the reverse order of registration: files before their folders.
                copy.toFile().deleteOnExit();
            }
        }
        return target;
    }
}
