package org.stackadvisor.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stackadvisor.InvalidRuleBaseException;
import org.stackadvisor.Problem;
import org.stackadvisor.internal.json.Hashing;
import org.stackadvisor.internal.vocabulary.Manifest;

/**
 * The files of a rule base, by path relative to its folder ({@code manifest.json},
 * {@code use-cases.drl}, ...), read once so that hashing and compiling see the same bytes.
 */
public final class RuleBaseFiles {
    static final String BUNDLED_RESOURCE = "org/stackadvisor/bundled-rules";
    private static final long MAX_FILE_SIZE = 4L * 1024 * 1024;

    /** How problems name the rule base's files: the folder as given, or {@code bundled:}. */
    public final String origin;
    /** The folder the files were read from, absolute and normalised; null for the bundled rule base. */
    public final Path directory;
    public final SortedMap<String, byte[]> files;
    /** The SHA-256 of each file, by path, in path order. */
    final Map<String, String> fileHashes;
    private final String sha256;

    private RuleBaseFiles(String origin, Path directory, SortedMap<String, byte[]> files) {
        this.origin = origin;
        this.directory = directory;
        this.files = Collections.unmodifiableSortedMap(files);
        Map<String, String> hashes = new LinkedHashMap<>();
        files.forEach((path, bytes) -> hashes.put(path, Hashing.sha256(bytes)));
        this.fileHashes = Collections.unmodifiableMap(hashes);
        StringBuilder canonical = new StringBuilder();
        fileHashes.forEach((path, hash) -> canonical.append(path).append('\n').append(hash).append('\n'));
        this.sha256 = Hashing.sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static RuleBaseFiles fromDirectory(Path directory) {
        String origin = directory.toString();
        if (!Files.isDirectory(directory)) {
            throw new InvalidRuleBaseException(List.of(new Problem(origin, 0, 0, "",
                    Files.exists(directory) ? "is not a folder; --rules takes the folder that holds manifest.json"
                            : "no such folder")));
        }
        return new RuleBaseFiles(origin, directory.toAbsolutePath().normalize(), readTree(directory, origin));
    }

    public static synchronized RuleBaseFiles bundled() {
        URL manifest = RuleBaseFiles.class.getClassLoader().getResource(BUNDLED_RESOURCE + "/" + Manifest.FILE_NAME);
        if (manifest == null) {
            throw new InvalidRuleBaseException(List.of(new Problem("bundled:", 0, 0, "",
                    "the bundled rule base is missing from the class path")));
        }
        try {
            if ("jar".equals(manifest.getProtocol())) {
                return readJar(manifest);
            }
            URI uri = manifest.toURI();
            return new RuleBaseFiles("bundled:", null, readTree(Path.of(uri).getParent(), "bundled:"));
        } catch (IOException | URISyntaxException e) {
            throw new InvalidRuleBaseException(List.of(new Problem("bundled:", 0, 0, "",
                    "the bundled rule base cannot be read: " + e.getMessage())));
        }
    }

    /**
     * Reads the bundled files straight from the jar's entries: the class loader has the jar open
     * already, where a zip file system would load a hundred classes of its own on a cold start.
     */
    private static RuleBaseFiles readJar(URL manifest) throws IOException {
        JarURLConnection connection = (JarURLConnection) manifest.openConnection();
        connection.setUseCaches(false);
        String prefix = BUNDLED_RESOURCE + "/";
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(prefix)) {
                    continue;
                }
                String relative = name.substring(prefix.length());
                if (hidden(relative)) {
                    continue;
                }
                if (entry.getSize() > MAX_FILE_SIZE) {
                    throw tooLarge("bundled:", relative);
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes((int) MAX_FILE_SIZE + 1);
                    if (bytes.length > MAX_FILE_SIZE) {
                        throw tooLarge("bundled:", relative);
                    }
                    files.put(relative, bytes);
                }
            }
        }
        return new RuleBaseFiles("bundled:", null, requireManifest(files, "bundled:"));
    }

    private static boolean hidden(String relative) {
        return relative.startsWith(".") || relative.contains("/.");
    }

    private static InvalidRuleBaseException tooLarge(String origin, String relative) {
        return new InvalidRuleBaseException(List.of(new Problem(join(origin, relative), 0, 0, "",
                "is larger than " + MAX_FILE_SIZE + " bytes")));
    }

    private static SortedMap<String, byte[]> readTree(Path root, String origin) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> regular = walk.filter(Files::isRegularFile).collect(Collectors.toList());
            for (Path file : regular) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (hidden(relative)) {
                    continue;
                }
                if (Files.size(file) > MAX_FILE_SIZE) {
                    throw tooLarge(origin, relative);
                }
                files.put(relative, Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new InvalidRuleBaseException(List.of(new Problem(origin, 0, 0, "",
                    "cannot be read: " + e.getMessage())));
        }
        return requireManifest(files, origin);
    }

    private static SortedMap<String, byte[]> requireManifest(SortedMap<String, byte[]> files, String origin) {
        if (!files.containsKey(Manifest.FILE_NAME)) {
            throw new InvalidRuleBaseException(List.of(new Problem(origin, 0, 0, "",
                    "has no " + Manifest.FILE_NAME + "; a rule base folder holds a manifest and its DRL files")));
        }
        return files;
    }

    /** How a file of this rule base is named in problems and traces. */
    public String displayName(String relativePath) {
        return join(origin, relativePath);
    }

    private static String join(String origin, String relative) {
        return origin.endsWith(":") || origin.endsWith("/") ? origin + relative : origin + "/" + relative;
    }

    /** A file's bytes, or null when the rule base has no such file. */
    public byte[] bytes(String relativePath) {
        byte[] content = files.get(relativePath);
        return content == null ? null : content.clone();
    }

    public String text(String relativePath) {
        return new String(files.get(relativePath), StandardCharsets.UTF_8);
    }

    /**
     * The rule base's hash: SHA-256 over every file's path and content, in path order, so that
     * renaming, adding, removing or editing any file changes it.
     */
    public String sha256() {
        return sha256;
    }
}
