package org.stackadvisor.internal.engine;

import java.util.Optional;
import org.stackadvisor.internal.catalogue.LibraryCatalogue;
import org.stackadvisor.internal.catalogue.MalformedCatalogueException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.core.reteoo.TerminalNode;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.stackadvisor.InvalidRuleBaseException;
import org.stackadvisor.Problem;
import org.stackadvisor.internal.facts.Candidate;
import org.stackadvisor.internal.facts.DecisionMargin;
import org.stackadvisor.internal.vocabulary.Manifest;

/**
 * A loaded and compiled rule base: the manifest, the Drools knowledge base built from the DRL
 * files, what each rule cites, and the hashes that identify it. Immutable; the compiled
 * knowledge base is shared by every decision, each in its own session.
 */
public final class RuleBase {
    /** The library catalogue of this rule base's files, read on its first question (most projects ask none). */
    private volatile LibraryCatalogue catalogue;

    private static final AtomicLong BUILDS = new AtomicLong();

    public final RuleBaseFiles files;
    public final Manifest manifest;
    public final KieBase kieBase;
    public final String sha256;
    public final Map<String, RuleInfo> rules;
    final Map<String, String> fileHashes;
    /** Whether the knowledge base was loaded from the build's executable model rather than compiled from DRL now. */
    final boolean precompiled;
    /**
     * What {@link TraceRecorder} records of each shape of a match's declarations, worked out once
     * per rule base instead of at every firing: the shapes are as many as the rules' terminal nodes.
     */
    final Map<TerminalNode, TraceRecorder.Shape> recordedShapes = new ConcurrentHashMap<>();
    /**
     * The {@code knowledgeBase} part of every decision made with this rule base, built once: it
     * holds a hash per rule, so building it per decision would cost in proportion to the rule count.
     */
    final Map<String, Object> decisionKnowledgeBase;
    /** The sessions its decisions run in, reused while the rule base is small. */
    final SessionPool sessions;
    /**
     * The facts every decision starts from besides the project's terms: a {@link Candidate} per
     * candidate, the {@link DecisionMargin} and the claims' weights. Immutable values, so each session holds the same ones.
     */
    public final List<Object> givenFacts;

    private RuleBase(RuleBaseFiles files, Manifest manifest, KieBase kieBase, Map<String, RuleInfo> rules, boolean precompiled) {
        this.files = files;
        this.precompiled = precompiled;
        this.manifest = manifest;
        this.kieBase = kieBase;
        this.sha256 = files.sha256();
        this.rules = Collections.unmodifiableMap(rules);
        this.fileHashes = files.fileHashes;
        this.decisionKnowledgeBase = decisionKnowledgeBase();
        this.sessions = new SessionPool(kieBase, rules.size());
        List<Object> given = new ArrayList<>();
        manifest.candidates.forEach((id, label) -> given.add(new Candidate(id, label)));
        given.add(new DecisionMargin(manifest.margin));
        given.add(manifest.weights);
        this.givenFacts = List.copyOf(given);
    }

    private Map<String, Object> decisionKnowledgeBase() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", manifest.name);
        map.put("version", manifest.version);
        map.put("source", manifest.sourceTitle);
        map.put("sha256", sha256);
        map.put("drools", droolsVersion());
        map.put("margin", manifest.margin);
        map.put("files", fileHashes);
        Map<String, String> ruleHashes = new LinkedHashMap<>();
        rules.forEach((name, info) -> ruleHashes.put(name, info.sha256));
        map.put("rules", Collections.unmodifiableMap(ruleHashes));
        return Collections.unmodifiableMap(map);
    }

    /** Reads the manifest and compiles the rules at run time. */
    public static RuleBase load(RuleBaseFiles files) {
        Manifest manifest = Manifest.parse(files.text(Manifest.FILE_NAME), files.displayName(Manifest.FILE_NAME));
        List<Problem> tableProblems = new ArrayList<>();
        List<RuleText> texts = RuleText.all(files, tableProblems);
        if (!tableProblems.isEmpty()) {
            throw new InvalidRuleBaseException(tableProblems);
        }
        Compiled compiled = compile(files, texts);
        return new RuleBase(files, manifest, compiled.kieBase, compiled.rules, false);
    }

    /**
     * Reads the manifest and compiles the rules like {@link #load}, and refuses them, as {@code verify}
     * does, when the lint finds an error (a rule citing no claim or an unknown one, a term the
     * vocabulary lacks, evidence against its claim's leaning, ...): the gate every command and
     * {@code fromDirectory} pass through. The lint reads the texts already made for the compiler, so it
     * adds little to the load.
     *
     * @throws InvalidRuleBaseException with every compile and lint error, by file, line and column
     */
    public static RuleBase loadVerified(RuleBaseFiles files) {
        Checked checked = check(files, false);
        if (checked.ruleBase == null) {
            throw new InvalidRuleBaseException(checked.problems.stream()
                    .filter(problem -> problem.severity() == Problem.Severity.ERROR).collect(java.util.stream.Collectors.toList()));
        }
        return checked.ruleBase;
    }

    /** What {@link #check} found: every problem, and the rule base when there is no error. */
    public static final class Checked {
        /** Every problem, errors and warnings, in {@linkplain RuleLint#inOrder order}. */
        public final List<Problem> problems;
        /** The compiled rule base, or null when there is an error. */
        public final RuleBase ruleBase;

        private Checked(List<Problem> problems, RuleBase ruleBase) {
            this.problems = problems;
            this.ruleBase = ruleBase;
        }
    }

    /**
     * Reads the manifest, compiles the rules and lints them: the problems of all three together, with
     * one message per mistake (a file with an unbalanced quote gives that error, not the parser's
     * errors and the lint's guesses that follow from it), and the rule base when none is an error.
     */
    public static Checked check(RuleBaseFiles files) {
        return check(files, true);
    }

    /**
     * {@link #check(RuleBaseFiles)}; without {@code allWarnings} the warnings that cost a second
     * reading of the manifest (a claim no rule cites) are left out, as the gate of every load wants
     * errors only.
     */
    static Checked check(RuleBaseFiles files, boolean allWarnings) {
        List<Problem> problems = new ArrayList<>();
        Manifest manifest = null;
        try {
            manifest = Manifest.parse(files.text(Manifest.FILE_NAME), files.displayName(Manifest.FILE_NAME));
        } catch (InvalidRuleBaseException e) {
            problems.addAll(e.problems());
        }
        List<Problem> unreadable = new ArrayList<>();
        List<RuleText> texts = RuleText.all(files, unreadable);
        // Before the lint and the compiler: both take minutes and gigabytes on such a rule base.
        requireAtMostMaxRules(files, texts);
        problems.addAll(unreadable);
        List<Problem> lint = RuleLint.check(texts, manifest, files, allWarnings && unreadable.isEmpty());
        java.util.Set<String> broken = RuleLint.brokenFiles(lint);
        Compiled compiled = null;
        try {
            compiled = compile(files, texts);
        } catch (InvalidRuleBaseException e) {
            e.problems().stream().filter(problem -> !broken.contains(problem.source())).forEach(problems::add);
        }
        problems.addAll(lint);
        boolean errors = problems.stream().anyMatch(problem -> problem.severity() == Problem.Severity.ERROR);
        RuleBase ruleBase = errors || compiled == null ? null : new RuleBase(files, manifest, compiled.kieBase, compiled.rules, false);
        return new Checked(RuleLint.inOrder(problems), ruleBase);
    }

    /**
     * The bundled rule base: the {@linkplain PrecompiledRuleBase build's executable model} when it
     * {@linkplain PrecompiledRuleBase#serving() serves} and was made from exactly these files, else
     * {@link #load compiled now}.
     */
    public static RuleBase loadBundled(RuleBaseFiles files) {
        return PrecompiledRuleBase.serving() ? precompiled(files).orElseGet(() -> load(files)) : load(files);
    }

    /** The build's executable model of these files, if the class path holds one made from exactly them. */
    static Optional<RuleBase> precompiled(RuleBaseFiles files) {
        return PrecompiledRuleBase.load(files).map(compiled -> new RuleBase(files,
                Manifest.parse(files.text(Manifest.FILE_NAME), files.displayName(Manifest.FILE_NAME)),
                compiled.kieBase, compiled.rules, true));
    }

    /** A compiled knowledge base and what each of its rules cites. */
    static final class Compiled {
        final KieBase kieBase;
        final Map<String, RuleInfo> rules;

        Compiled(KieBase kieBase, Map<String, RuleInfo> rules) {
            this.kieBase = kieBase;
            this.rules = rules;
        }
    }

    /**
     * Compiles the DRL files and the decision tables' generated DRL together.
     *
     * @throws InvalidRuleBaseException with every compile error placed in the file an author edits
     */
    public static Compiled compile(RuleBaseFiles files, List<RuleText> texts) {
        requireAtMostMaxRules(files, texts);
        KieServices services = KieServices.Factory.get();
        Sources sources = Sources.of(services, files, texts);
        KieBuilder builder = services.newKieBuilder(sources.fileSystem).buildAll();
        sources.requireNoErrors(builder);
        KieBase kieBase;
        try {
            kieBase = services.newKieContainer(sources.releaseId).getKieBase();
        } finally {
            services.getRepository().removeKieModule(sources.releaseId);
        }
        RuleOrder.apply(kieBase, RuleOrder.of(sources.rules.values()));
        return new Compiled(kieBase, ruleInfos(kieBase, sources.rules));
    }

    /**
     * The most rules a rule base may have. Compiling grows faster than the rules (100,000 rules
     * took 8 GB and gave no answer after 170 s), so a larger rule base is refused before it is
     * compiled; the bundled one has a few dozen. SECURITY.md states it.
     */
    public static final int MAX_RULES = 20_000;
    private static final Pattern RULE_START = Pattern.compile("(?m)^[ \\t]*rule[ \\t]+[\"'\\w]");

    private static void requireAtMostMaxRules(RuleBaseFiles files, List<RuleText> texts) {
        int rules = 0;
        for (RuleText text : texts) {
            Matcher matcher = RULE_START.matcher(text.drl);
            while (matcher.find()) {
                rules++;
            }
        }
        if (rules > MAX_RULES) {
            throw new InvalidRuleBaseException("the rule base is too large", List.of(new Problem(files.origin, 0, 0, "",
                    "it has " + rules + " rules, more than the limit of " + MAX_RULES + "; a rule base that large is refused"
                            + " before it is compiled (compiling one takes gigabytes of memory and minutes)")));
        }
    }

    /** What each rule of a knowledge base cites, from its metadata and its text, by rule name. */
    static Map<String, RuleInfo> ruleInfos(KieBase kieBase, Map<String, RuleSource> sources) {
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        List<Rule> all = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            all.addAll(kiePackage.getRules());
        }
        all.sort((a, b) -> a.getName().compareTo(b.getName()));
        for (Rule rule : all) {
            rules.put(rule.getName(), RuleInfo.of(rule.getName(), rule.getMetaData(), sources.get(rule.getName())));
        }
        return rules;
    }

    /**
     * The rule texts of a rule base written to a KieFileSystem, where Drools compiles them (at run
     * time here, into the executable model at build time in BundledRuleBasePrecompiler): one place,
     * so that both compile the same texts at the same paths.
     */
    static final class Sources {
        final KieFileSystem fileSystem;
        final ReleaseId releaseId;
        /** Each text by the paths Drools names it with in its messages. */
        final Map<String, RuleText> compiledPathToText;
        /** Each rule's text, by rule name. */
        final Map<String, RuleSource> rules;
        private final RuleBaseFiles files;

        private Sources(KieFileSystem fileSystem, ReleaseId releaseId, Map<String, RuleText> compiledPathToText,
                Map<String, RuleSource> rules, RuleBaseFiles files) {
            this.fileSystem = fileSystem;
            this.releaseId = releaseId;
            this.compiledPathToText = compiledPathToText;
            this.rules = rules;
            this.files = files;
        }

        static Sources of(KieServices services, RuleBaseFiles files, List<RuleText> texts) {
            KieFileSystem kfs = services.newKieFileSystem();
            ReleaseId releaseId = services.newReleaseId("org.stackadvisor.rulebase",
                    "rules-" + files.sha256().substring(0, 16) + "-" + BUILDS.incrementAndGet(), "1.0.0");
            kfs.generateAndWritePomXML(releaseId);
            Map<String, RuleText> compiledPathToText = new HashMap<>();
            Map<String, RuleSource> sources = new HashMap<>();
            for (RuleText text : texts) {
                String packagePath = RuleSource.packageOf(text.drl).replace('.', '/');
                String compiledPath = "src/main/resources/" + (packagePath.isEmpty() ? "" : packagePath + "/")
                        + text.file.replace('/', '_') + (text.isTable() ? ".drl" : "");
                compiledPathToText.put(compiledPath, text);
                compiledPathToText.put(compiledPath.substring("src/main/resources/".length()), text);
                kfs.write(compiledPath, text.drl);
                for (RuleSource source : text.rules()) {
                    sources.putIfAbsent(source.name, source);
                }
            }
            return new Sources(kfs, releaseId, compiledPathToText, sources, files);
        }

        /** @throws InvalidRuleBaseException with every compile error placed in the file an author edits */
        void requireNoErrors(KieBuilder builder) {
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (errors.isEmpty()) {
                return;
            }
            List<Problem> problems = new ArrayList<>();
            for (Message error : errors) {
                RuleText text = compiledPathToText.get(error.getPath());
                String message = withoutStackTrace(oneLine(error.getText()));
                int[] place = error.getLine() > 0
                        ? new int[] {error.getLine(), error.getColumn() > 0 ? error.getColumn() : columnIn(message)}
                        : placeInText(message);
                if (place[0] == 0 && text != null) {
                    place = placeOfQuotedExpression(text.drl, message);
                }
                if (text == null) {
                    problems.add(new Problem(files.displayName(error.getPath() == null ? "" : error.getPath()), place[0], place[1], "", message));
                } else {
                    CompileMessages.Placed placed = CompileMessages.translate(message, text.drl, place[0], place[1], text.isTable());
                    problems.add(text.problem(Problem.Severity.ERROR, placed.line, placed.column, placed.hint, placed.message));
                }
            }
            throw new InvalidRuleBaseException(withoutEmptyCompanions(problems));
        }
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

    /** The rule base's library catalogue ({@value LibraryCatalogue#FILE_NAME}); empty when it has none. */
    public LibraryCatalogue catalogue() {
        LibraryCatalogue known = catalogue;
        if (known == null) {
            known = LibraryCatalogue.of(files.displayName(LibraryCatalogue.FILE_NAME), files.bytes(LibraryCatalogue.FILE_NAME));
            catalogue = known;
        }
        return known;
    }

    /** The ecosystem the catalogue gives a library (a candidate ID or {@code ambiguous}), if it knows the name. */
    public Optional<String> catalogued(String library) {
        try {
            return catalogue().ecosystemOf(library).map(LibraryCatalogue.Ecosystem::id);
        } catch (MalformedCatalogueException e) {
            throw new InvalidRuleBaseException(List.of(new Problem(files.displayName(LibraryCatalogue.FILE_NAME), 0, 0, "",
                    e.getMessage())));
        }
    }
}
