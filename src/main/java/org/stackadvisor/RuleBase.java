package org.stackadvisor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * A loaded and compiled rule base: the manifest, the Drools knowledge base built from the DRL
 * files, what each rule cites, and the hashes that identify it. Immutable; the compiled
 * knowledge base is shared by every decision, each in its own session.
 */
final class RuleBase {
    private static final AtomicLong BUILDS = new AtomicLong();

    final RuleBaseFiles files;
    final Manifest manifest;
    final KieBase kieBase;
    final String sha256;
    final Map<String, RuleInfo> rules;
    final Map<String, String> fileHashes;

    private RuleBase(RuleBaseFiles files, Manifest manifest, KieBase kieBase, Map<String, RuleInfo> rules) {
        this.files = files;
        this.manifest = manifest;
        this.kieBase = kieBase;
        this.sha256 = files.sha256();
        this.rules = Collections.unmodifiableMap(rules);
        Map<String, String> hashes = new LinkedHashMap<>();
        files.files.forEach((path, bytes) -> hashes.put(path, Hashing.sha256(bytes)));
        this.fileHashes = Collections.unmodifiableMap(hashes);
    }

    static RuleBase load(RuleBaseFiles files) {
        Manifest manifest = Manifest.parse(files.text(Manifest.FILE_NAME), files.displayName(Manifest.FILE_NAME));
        KieServices services = KieServices.Factory.get();
        KieFileSystem kfs = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("org.stackadvisor.rulebase",
                "rules-" + files.sha256().substring(0, 16) + "-" + BUILDS.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> compiledPathToFile = new HashMap<>();
        Map<String, RuleSource> sources = new HashMap<>();
        for (String path : files.files.keySet()) {
            if (!path.endsWith(".drl")) {
                continue;
            }
            String drl = files.text(path);
            String packagePath = RuleSource.packageOf(drl).replace('.', '/');
            String compiledPath = "src/main/resources/" + (packagePath.isEmpty() ? "" : packagePath + "/") + path.replace('/', '_');
            compiledPathToFile.put(compiledPath, path);
            compiledPathToFile.put(compiledPath.substring("src/main/resources/".length()), path);
            kfs.write(compiledPath, drl);
            for (RuleSource source : RuleSource.scan(path, drl)) {
                sources.putIfAbsent(source.name, source);
            }
        }
        KieBuilder builder = services.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<Problem> problems = new ArrayList<>();
            for (Message error : errors) {
                String file = compiledPathToFile.getOrDefault(error.getPath(), error.getPath());
                String text = withoutStackTrace(oneLine(error.getText()));
                int[] place = error.getLine() > 0 ? new int[] {error.getLine(), error.getColumn() > 0 ? error.getColumn() : columnIn(text)}
                        : placeInText(text);
                if (place[0] == 0) {
                    place = placeOfQuotedExpression(file != null && files.files.containsKey(file) ? files.text(file) : "", text);
                }
                problems.add(new Problem(files.displayName(file == null ? "" : file), place[0], place[1], "", text));
            }
            throw new InvalidRuleBaseException(withoutEmptyCompanions(problems));
        }
        KieBase kieBase;
        try {
            kieBase = services.newKieContainer(releaseId).getKieBase();
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        List<Rule> all = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            all.addAll(kiePackage.getRules());
        }
        all.sort((a, b) -> a.getName().compareTo(b.getName()));
        for (Rule rule : all) {
            rules.put(rule.getName(), RuleInfo.of(rule.getName(), rule.getMetaData(), sources.get(rule.getName())));
        }
        return new RuleBase(files, manifest, kieBase, rules);
    }

    /**
     * Drools follows a file's syntax errors with "Parser returned a null Package", which has no line
     * and says nothing new; it is kept only when it is the file's one problem.
     */
    private static List<Problem> withoutEmptyCompanions(List<Problem> problems) {
        List<Problem> kept = new ArrayList<>();
        for (Problem problem : problems) {
            boolean companion = problem.line() == 0 && problem.message().equals("Parser returned a null Package")
                    && problems.stream().anyMatch(other -> other != problem && other.source().equals(problem.source()));
            if (!companion) {
                kept.add(problem);
            }
        }
        return kept;
    }

    /**
     * Drools reports some constraint errors ("Unable to Analyse Expression ...") without a line; their
     * text quotes the expression, so its first place in the file is where the reader should look.
     */
    private static int[] placeOfQuotedExpression(String drl, String text) {
        java.util.regex.Matcher near = java.util.regex.Pattern.compile("\\[Near : \\{\\.\\.\\. (.+?) \\.\\.\\.\\.\\}\\]").matcher(text);
        int at = near.find() && !near.group(1).isBlank() ? drl.indexOf(near.group(1)) : -1;
        if (at < 0) {
            return new int[] {0, 0};
        }
        int lineStart = drl.lastIndexOf('\n', at) + 1;
        int line = (int) drl.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return new int[] {line, at - lineStart + 1};
    }

    /** "Line 31:23 ..." in the text of a parser error that Drools reports without a line. */
    private static int[] placeInText(String text) {
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("^Line (\\d+):(\\d+) ").matcher(text);
        return line.find() ? new int[] {Integer.parseInt(line.group(1)), Integer.parseInt(line.group(2))} : new int[] {0, 0};
    }

    /**
     * When the DRL parser itself fails (on a file cut short, say), Drools puts the Java exception and
     * its stack trace into the message; the user gets the place and the first sentence.
     */
    private static String withoutStackTrace(String text) {
        int exception = text.indexOf(" Exception: ");
        return exception < 0 || !text.contains("Stack trace:") ? text
                : text.substring(0, exception) + " (the DRL parser gave up here; is the file cut short or a bracket missing?)";
    }

    private static int columnIn(String text) {
        java.util.regex.Matcher column = java.util.regex.Pattern.compile("Column: (\\d+)\\]").matcher(text);
        return column.find() ? Integer.parseInt(column.group(1)) : 0;
    }

    private static String oneLine(String text) {
        return text == null ? "compile error" : text.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    /** The Drools version that compiled and runs the rules. */
    static String droolsVersion() {
        return DroolsVersion.VALUE;
    }

    /** Read once: the version from the Drools jar's Maven metadata. */
    private static final class DroolsVersion {
        static final String VALUE = read();

        private static String read() {
            try (var in = KieServices.class.getClassLoader()
                    .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
                if (in != null) {
                    java.util.Properties properties = new java.util.Properties();
                    properties.load(in);
                    return properties.getProperty("version", "unknown");
                }
            } catch (java.io.IOException e) {
                return "unknown";
            }
            return "unknown";
        }
    }
}
