package org.stackadvisor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stackadvisor.audit.NotADecisionException;
import org.stackadvisor.audit.Replay;
import org.stackadvisor.authoring.Scenario;
import org.stackadvisor.authoring.ScenarioResult;
import org.stackadvisor.authoring.Verification;
import org.stackadvisor.explain.WhatIf;
import org.stackadvisor.explain.WhyNotCandidate;
import org.stackadvisor.explain.WhyNotRule;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.engine.DecisionRun;
import org.stackadvisor.internal.engine.RuleBase;
import org.stackadvisor.internal.engine.RuleBaseFiles;
import org.stackadvisor.internal.engine.RuleLint;
import org.stackadvisor.internal.vocabulary.FactsValidator;
import org.stackadvisor.internal.vocabulary.ValidFacts;

/**
 * Decides whether a project's back end should be built with Node.js or Python, by firing the
 * rules of a knowledge base over the project's facts, and explains the decision.
 *
 * <p>Start here:
 * <pre>{@code
 * StackAdvisor advisor = StackAdvisor.bundled();
 * Decision decision = advisor.decide(Path.of("facts/live-chat.json"));
 * System.out.println(decision.verdict());   // nodejs
 * System.out.println(decision.toJson());    // verdict, scores, conclusions, firings, hashes
 * }</pre>
 *
 * <p>A {@code StackAdvisor} is thread-safe: share one instance between threads; each decision
 * runs in its own rule session over the shared, compiled rule base. Its settings never change;
 * its rule base changes only when {@link #reload()} swaps in a new one that passed every check.
 * Each decision is made by one rule base from start to end, and names it in
 * {@link Decision#knowledgeBaseSha256()}.
 */
public final class StackAdvisor {
    /** The default {@linkplain Builder#maxFactsFileBytes largest facts file}: 1 MiB. */
    public static final long DEFAULT_MAX_FACTS_FILE_BYTES = Project.DEFAULT_MAX_FILE_SIZE;

    private static final Logger LOG = LoggerFactory.getLogger(StackAdvisor.class);

    static {
        Access.install(new RootAccess());
    }

    private final AtomicReference<RuleBase> ruleBase;
    private final Path rulesDirectory;
    private final Path scenarios;
    private final int configuredFiringLimit;
    private final long maxFactsFileBytes;
    private final boolean strictTerms;
    private final List<DecisionListener> listeners;
    private final Object reloadLock = new Object();

    private StackAdvisor(RuleBase ruleBase, Path rulesDirectory, Path scenarios, int configuredFiringLimit,
            long maxFactsFileBytes, boolean strictTerms, List<DecisionListener> listeners) {
        this.strictTerms = strictTerms;
        this.ruleBase = new AtomicReference<>(ruleBase);
        this.rulesDirectory = rulesDirectory;
        this.scenarios = scenarios;
        this.configuredFiringLimit = configuredFiringLimit;
        this.maxFactsFileBytes = maxFactsFileBytes;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Starts an advisor with settings other than the defaults:
     * <pre>{@code
     * StackAdvisor advisor = StackAdvisor.builder()
     *         .rulesDirectory(Path.of("rules"))
     *         .scenarios(Path.of("facts"))
     *         .firingLimit(5_000)
     *         .listener(decision -> audit.write(decision.toJson()))
     *         .build();
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The advisor with the rule base bundled in the jar. The rules are loaded once per class
     * loader and shared by every advisor this method returns: compiled from their DRL, or loaded
     * from the executable model the build precompiled them into, which starts faster (the system
     * property {@code stackadvisor.precompiledRules=true|false} chooses; a precompiled model made
     * from other rule files than those bundled is never used).
     *
     * <pre>{@code
     * Decision decision = StackAdvisor.bundled().decide(Path.of("facts/live-chat.json"));
     * }</pre>
     *
     * @throws InvalidRuleBaseException if the bundled rules are missing or do not compile
     */
    public static StackAdvisor bundled() {
        return builder().build();
    }

    /**
     * The advisor with the rule base in {@code rulesDirectory}: a {@code manifest.json} and the
     * DRL files beside it, compiled now. {@link #reload()} reads the folder again.
     *
     * <pre>{@code
     * StackAdvisor advisor = StackAdvisor.fromDirectory(Path.of("rules"));
     * }</pre>
     *
     * @throws InvalidRuleBaseException with every problem, each with its file and line: compile errors and
     *     the errors {@link Verification} finds (a rule citing no claim or an unknown one, a term the
     *     vocabulary lacks, ...), so that a rule base {@code verify} rejects is never served
     */
    public static StackAdvisor fromDirectory(Path rulesDirectory) {
        return builder().rulesDirectory(rulesDirectory).build();
    }

    /**
     * Decides a project with the rule base serving when the call begins; a {@link #reload()}
     * meanwhile does not affect this decision. Every {@linkplain Builder#listener listener}
     * receives the decision before it is returned.
     *
     * <pre>{@code
     * Decision decision = advisor.decide(Project.builder("Live chat").traits("real-time", "chat").build());
     * }</pre>
     *
     * @throws InvalidFactsException when the project breaks the rule base's vocabulary
     * @throws InvalidRuleBaseException when the rules do not settle within the firing limit or
     *     derive no single verdict
     */
    public Decision decide(Project project) {
        Objects.requireNonNull(project, "project");
        Decision decision = decideUnrecorded(project);
        for (DecisionListener listener : listeners) {
            listener.decided(decision);
        }
        return decision;
    }

    /** Decides with the rule base serving when the call begins, read once, and tells no listener. */
    Decision decideUnrecorded(Project project) {
        RuleBase serving = ruleBase.get();
        ValidFacts facts = FactsValidator.validate(project, serving.manifest.vocabulary, strictTerms, serving::catalogued);
        return DecisionRun.decide(serving, facts, firingLimitFor(serving));
    }

    /**
     * Replays a saved decision (the JSON of {@link Decision#toJson()}): decides the input facts
     * stored in it with this advisor's rule base and compares the result with what was stored.
     * Listeners are not called: a replay is a check, not a new decision.
     *
     * <pre>{@code
     * Replay replay = StackAdvisor.bundled().replay(Path.of("decision.json"));
     * System.out.println(replay.reproduced() ? "reproduced" : String.join("\n", replay.differences()));
     * }</pre>
     *
     * @throws NotADecisionException when the file is missing, not JSON or not a saved decision
     * @throws InvalidFactsException when the stored facts break this rule base's vocabulary
     */
    public Replay replay(Path decisionFile) {
        return Replay.of(this, Objects.requireNonNull(decisionFile, "decisionFile"));
    }

    /**
     * Replays a saved decision given as JSON text; {@code sourceName} names it in problems.
     *
     * @throws NotADecisionException when the text is not JSON or not a saved decision
     * @throws InvalidFactsException when the stored facts break this rule base's vocabulary
     */
    public Replay replay(String decisionJson, String sourceName) {
        return Replay.of(this, Objects.requireNonNull(decisionJson, "decisionJson"), sourceName);
    }

    /**
     * Reads a facts file of at most {@linkplain Builder#maxFactsFileBytes the size limit} and
     * decides it.
     *
     * <pre>{@code
     * Decision decision = advisor.decide(Path.of("facts/live-chat.json"));
     * }</pre>
     *
     * @throws InvalidFactsException when the file is missing, unreadable or invalid, with every problem
     * @throws InvalidRuleBaseException as {@link #decide(Project)}
     */
    public Decision decide(Path factsFile) {
        return decide(Project.read(factsFile, maxFactsFileBytes));
    }

    /**
     * Reads the rule base again from where it came from, builds it beside the one serving, checks
     * it, and swaps it in atomically only if every check passes; otherwise the old rule base keeps
     * serving and the problems are returned and logged at WARN. The checks: it loads and compiles;
     * the lint of {@link Verification} finds no error (a term the vocabulary lacks, a rule citing
     * no claim, ...); it settles on a verdict for a project with nothing but a name within the firing limit (so a
     * rule base that loops forever is rejected); and every scenario of the {@linkplain
     * Builder#scenarios scenarios folder} passes.
     *
     * <p>An advisor from {@link #fromDirectory} or {@link Builder#rulesDirectory} re-reads its
     * folder. A {@link #bundled()} advisor re-reads the rules bundled in the jar, which do not
     * change while the application runs: its reload re-checks them and swaps in an equal rule
     * base with the same hash.
     *
     * <p>Decisions in flight finish on the rule base they started with. Reloads of one advisor run
     * one at a time; deciding never waits for a reload.
     *
     * <pre>{@code
     * ReloadResult reload = advisor.reload();
     * if (!reload.swapped()) {
     *     reload.problems().forEach(System.err::println);   // the old rule base still serves
     * }
     * }</pre>
     */
    public ReloadResult reload() {
        synchronized (reloadLock) {
            RuleBase old = ruleBase.get();
            String origin = rulesDirectory == null ? "bundled:" : rulesDirectory.toString();
            RuleBaseFiles files;
            try {
                files = rulesDirectory == null ? RuleBaseFiles.bundled() : RuleBaseFiles.fromDirectory(rulesDirectory);
            } catch (RuntimeException e) {
                return rejected(old, "", problemsOf(e, origin));
            }
            RuleBase candidate;
            try {
                candidate = RuleBase.load(files);
            } catch (RuntimeException e) {
                return rejected(old, files.sha256(), problemsOf(e, origin));
            }
            List<Problem> problems = reloadChecks(candidate);
            if (!problems.isEmpty()) {
                return rejected(old, candidate.sha256, problems);
            }
            ruleBase.set(candidate);
            ReloadResult result = new ReloadResult(true, old.sha256, candidate.sha256, List.of());
            LOG.info("{}", result);
            return result;
        }
    }

    /**
     * The checks a freshly compiled rule base must pass before {@link #reload()} swaps it in, in
     * order; every check runs and the problems of all of them are returned. This is the one place
     * that lists them: add a check here and reload runs it.
     */
    List<Problem> reloadChecks(RuleBase candidate) {
        StackAdvisor trial = new StackAdvisor(candidate, rulesDirectory, null, configuredFiringLimit,
                maxFactsFileBytes, strictTerms, List.of());
        List<Problem> problems = new ArrayList<>();
        problems.addAll(RuleLint.errors(candidate));
        problems.addAll(settlesOnAProjectWithNoFacts(trial, candidate));
        problems.addAll(scenariosPass(trial));
        return problems;
    }

    /**
     * Whether a rule base settles on a verdict for a project with only a name, within its default
     * firing limit: what {@code verify} checks so that rules that loop forever are caught before
     * anyone serves them.
     */
    static List<Problem> settlingProblems(RuleBase candidate) {
        StackAdvisor trial = new StackAdvisor(candidate, null, null, 0, DEFAULT_MAX_FACTS_FILE_BYTES, false, List.of());
        return settlesOnAProjectWithNoFacts(trial, candidate);
    }

    private static List<Problem> settlesOnAProjectWithNoFacts(StackAdvisor trial, RuleBase candidate) {
        try {
            trial.decide(Project.builder("Reload check: a project with no facts").build());
            return List.of();
        } catch (RuntimeException e) {
            return during("deciding a project with no facts", problemsOf(e, candidate.files.origin));
        }
    }

    private List<Problem> scenariosPass(StackAdvisor trial) {
        if (scenarios == null) {
            return List.of();
        }
        List<Scenario> all;
        try {
            all = Scenario.discover(scenarios);
        } catch (RuntimeException e) {
            return during("listing the scenarios", problemsOf(e, scenarios.toString()));
        }
        List<Problem> problems = new ArrayList<>();
        for (Scenario scenario : all) {
            try {
                ScenarioResult result = scenario.run(trial);
                for (String failure : result.failures()) {
                    problems.add(new Problem(scenario.expectationsFile().toString(), 0, 0, "",
                            "scenario " + scenario.name() + " failed: " + failure));
                }
            } catch (RuntimeException e) {
                problems.addAll(during("scenario " + scenario.name(), problemsOf(e, scenario.factsFile().toString())));
            }
        }
        return problems;
    }

    /** The problems an exception names (they say where and what), or the exception itself as one. */
    private static List<Problem> problemsOf(RuntimeException e, String source) {
        if (e instanceof StackAdvisorException && !((StackAdvisorException) e).problems().isEmpty()) {
            return ((StackAdvisorException) e).problems();
        }
        return List.of(new Problem(source, 0, 0, "", "unexpected " + e));
    }

    /** The problems of a check, each saying which check found it. */
    private static List<Problem> during(String check, List<Problem> problems) {
        List<Problem> named = new ArrayList<>();
        for (Problem problem : problems) {
            named.add(new Problem(problem.source(), problem.line(), problem.column(), problem.path(), check + ": " + problem.message()));
        }
        return named;
    }

    private ReloadResult rejected(RuleBase old, String newSha256, List<Problem> problems) {
        ReloadResult result = new ReloadResult(false, old.sha256, newSha256, problems);
        LOG.warn("{}", result);
        return result;
    }

    /** The serving rule base's name, from its manifest. */

    /** The most pairs of changes a what-if or why-not search tries unless told otherwise. */
    public static final int DEFAULT_PAIR_LIMIT = 2_000;

    /**
     * What would change the project's verdict: the smallest changes to its facts that give
     * another verdict. Every single change is tried; pairs only when no single change alters the
     * verdict, at most {@link #DEFAULT_PAIR_LIMIT} of them.
     * <pre>{@code
     * WhatIf whatIf = advisor.whatIf(Project.read(Path.of("facts/newcomer-team-portal.json")));
     * whatIf.entries().forEach(entry -> System.out.println(entry.text() + " -> " + entry.verdict()));
     * // add 'async' to team.skills -> nodejs ...
     * }</pre>
     * The decisions it makes to probe are not passed to the {@linkplain Builder#listener listeners}.
     *
     * @throws InvalidFactsException when the project breaks the rule base's vocabulary
     */
    public WhatIf whatIf(Project project) {
        return whatIf(project, DEFAULT_PAIR_LIMIT);
    }

    /**
     * {@link #whatIf(Project)} trying at most {@code pairLimit} pairs of changes; 0 tries single
     * changes only, and the result says whether the limit cut the search short.
     */
    public WhatIf whatIf(Project project, int pairLimit) {
        return WhatIf.of(this, project, pairLimit);
    }

    /**
     * Why a rule did not fire: the nearest changes to the facts that make it fire, or that it did fire.
     * <pre>{@code
     * WhyNotRule why = advisor.whyNotRule(project, "Newcomers learn Python most easily");
     * why.fired();                                       // false
     * why.nearestChanges().alternatives().get(0).text(); // "set team.experience to 'new'"
     * }</pre>
     *
     * @throws IllegalArgumentException when the rule base has no such rule, naming the closest one
     * @throws InvalidFactsException when the project breaks the rule base's vocabulary
     */
    public WhyNotRule whyNotRule(Project project, String rule) {
        return whyNotRule(project, rule, DEFAULT_PAIR_LIMIT);
    }

    /** {@link #whyNotRule(Project, String)} trying at most {@code pairLimit} pairs of changes. */
    public WhyNotRule whyNotRule(Project project, String rule, int pairLimit) {
        return WhyNotRule.of(this, project, rule, pairLimit);
    }

    /**
     * Why a candidate did not win: its score gap to the winner and the rules that would have
     * supported it, each with the nearest changes that make it do so.
     * <pre>{@code
     * WhyNotCandidate why = advisor.whyNotCandidate(project, "nodejs");
     * why.gap();          // points behind the winner
     * why.supporters();   // rules giving nodejs evidence: those lacking something first
     * }</pre>
     *
     * @throws IllegalArgumentException when the rule base has no such candidate
     * @throws InvalidFactsException when the project breaks the rule base's vocabulary
     */
    public WhyNotCandidate whyNotCandidate(Project project, String candidate) {
        return whyNotCandidate(project, candidate, DEFAULT_PAIR_LIMIT);
    }

    /** {@link #whyNotCandidate(Project, String)} trying at most {@code pairLimit} pairs of changes per rule. */
    public WhyNotCandidate whyNotCandidate(Project project, String candidate, int pairLimit) {
        return WhyNotCandidate.of(this, project, candidate, pairLimit);
    }

    /** The rule base's name, from its manifest. */
    public String knowledgeBaseName() {
        return ruleBase.get().manifest.name;
    }

    /** The serving rule base's version, from its manifest. */
    public String knowledgeBaseVersion() {
        return ruleBase.get().manifest.version;
    }

    /**
     * The SHA-256 over every file of the serving rule base; it changes when {@link #reload()}
     * swaps in a changed one. A decision names its own in {@link Decision#knowledgeBaseSha256()}.
     */
    public String knowledgeBaseSha256() {
        return ruleBase.get().sha256;
    }

    /** The claim catalogue of the serving rule base's manifest, in its order. */
    public List<Claim> claims() {
        return List.copyOf(ruleBase.get().manifest.claims.values());
    }

    /** The candidate IDs of the serving rule base, in the manifest's order. */
    public List<String> candidates() {
        return List.copyOf(ruleBase.get().manifest.candidates.keySet());
    }

    /** Each candidate's label by its ID ({@code nodejs} is {@code Node.js}), in the manifest's order. */
    public Map<String, String> candidateLabels() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(ruleBase.get().manifest.candidates));
    }

    /**
     * This library's version, as the build recorded it in {@code org/stackadvisor/version.properties}
     * (else its jar manifest's {@code Implementation-Version}, else {@code (development build)}
     * when it runs from classes the build did not make).
     */
    public static String toolVersion() {
        return builtVersion("version");
    }

    /** The version of Drools this library was built with, as the build recorded it; {@code unknown} outside a build. */
    public static String droolsVersion() {
        return builtVersion("drools");
    }

    private static String builtVersion(String key) {
        String version = null;
        try (InputStream in = StackAdvisor.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                version = properties.getProperty(key);
            }
        } catch (IOException e) {
            version = null;
        }
        if (version != null && !version.isBlank() && !version.startsWith("${")) {
            return version;
        }
        if (key.equals("version")) {
            String manifest = StackAdvisor.class.getPackage().getImplementationVersion();
            return manifest != null ? manifest : "(development build)";
        }
        return "unknown";
    }

    /** An advisor with default settings on a rule base loaded by other means (tests of the precompiled rule base). */
    static StackAdvisor serving(RuleBase ruleBase) {
        return new StackAdvisor(ruleBase, null, null, 0, DEFAULT_MAX_FACTS_FILE_BYTES, false, List.of());
    }

    /** The serving rule base, for the authoring and explanation tools (through {@code internal.Access}). */
    RuleBase ruleBase() {
        return ruleBase.get();
    }

    /** The most rule firings one decision may take with the serving rule base before it fails as a runaway. */
    public int firingLimit() {
        return firingLimitFor(ruleBase.get());
    }

    int firingLimitFor(RuleBase serving) {
        return configuredFiringLimit > 0 ? configuredFiringLimit : 1_000 + 100 * serving.rules.size();
    }

    /**
     * Settings for a {@link StackAdvisor}; every one has a default. Not thread-safe; the advisor it
     * builds is.
     *
     * <pre>{@code
     * StackAdvisor advisor = StackAdvisor.builder()
     *         .rulesDirectory(Path.of("/etc/stack-advisor/rules"))
     *         .scenarios(Path.of("/etc/stack-advisor/scenarios"))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private Path rulesDirectory;
        private Path scenarios;
        private int firingLimit;
        private long maxFactsFileBytes = DEFAULT_MAX_FACTS_FILE_BYTES;
        private boolean strictTerms;
        private final List<DecisionListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a listener that receives every decision, in the order listeners were added:
         * <pre>{@code
         * builder.listener(decision -> repository.save(decision.toJson()));
         * }</pre>
         */
        public Builder listener(DecisionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Load the rule base from this folder instead of the bundled one; {@link
         * StackAdvisor#reload()} reads it again:
         * <pre>{@code
         * builder.rulesDirectory(Path.of("rules"));
         * }</pre>
         */
        public Builder rulesDirectory(Path rulesDirectory) {
            this.rulesDirectory = Objects.requireNonNull(rulesDirectory, "rulesDirectory");
            return this;
        }

        /**
         * The scenario tests a new rule base must pass before {@link StackAdvisor#reload()} swaps
         * it in: a folder of facts files with their expectations in {@code expected/} (see {@link
         * Scenario}), or one facts file. Read at every reload; the default is none.
         * <pre>{@code
         * builder.scenarios(Path.of("facts"));
         * }</pre>
         */
        public Builder scenarios(Path scenarios) {
            this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
            return this;
        }

        /**
         * The most rule firings one decision may take; past it the decision fails, naming the rules
         * that fired most. The default is sized to the rule base: 1,000 plus 100 per rule.
         * <pre>{@code
         * builder.firingLimit(5_000);
         * }</pre>
         */
        public Builder firingLimit(int firingLimit) {
            if (firingLimit < 1) {
                throw new IllegalArgumentException("firingLimit must be at least 1");
            }
            this.firingLimit = firingLimit;
            return this;
        }

        /**
         * The largest facts file {@link StackAdvisor#decide(Path)} reads; the default is 1 MiB.
         * <pre>{@code
         * builder.maxFactsFileBytes(64 * 1024);
         * }</pre>
         */
        public Builder maxFactsFileBytes(long maxFactsFileBytes) {
            if (maxFactsFileBytes < 1) {
                throw new IllegalArgumentException("maxFactsFileBytes must be at least 1");
            }
            this.maxFactsFileBytes = maxFactsFileBytes;
            return this;
        }

        /**
         * Whether a term of a list field ({@code traits}, {@code needs}, {@code libraries}, {@code
         * team.skills}) that the vocabulary does not know, has no alias for and does not catalogue
         * is an error. By default it is accepted and the decision lists it as not weighed; a near
         * miss of a known term is an error either way.
         * <pre>{@code
         * builder.strictTerms(true);
         * }</pre>
         */
        public Builder strictTerms(boolean strictTerms) {
            this.strictTerms = strictTerms;
            return this;
        }

        /**
         * Loads and compiles the rule base and returns the advisor. The {@linkplain #scenarios
         * scenarios} are not run here; they guard {@link StackAdvisor#reload()}.
         * <pre>{@code
         * StackAdvisor advisor = builder.build();
         * }</pre>
         *
         * @throws InvalidRuleBaseException with every problem, each with its file and line; a rule base from
         *     a folder is refused on the errors {@link Verification} finds, as in {@link StackAdvisor#fromDirectory}
         */
        public StackAdvisor build() {
            RuleBase ruleBase = rulesDirectory == null ? BundledRuleBase.get()
                    : RuleBase.loadVerified(RuleBaseFiles.fromDirectory(rulesDirectory));
            return new StackAdvisor(ruleBase, rulesDirectory, scenarios, firingLimit, maxFactsFileBytes, strictTerms, listeners);
        }
    }

    /** Loads the bundled rules on first use, once: precompiled by the build, or compiled now if that is stale. */
    private static final class BundledRuleBase {
        private static volatile RuleBase instance;

        static RuleBase get() {
            RuleBase loaded = instance;
            if (loaded == null) {
                synchronized (BundledRuleBase.class) {
                    loaded = instance;
                    if (loaded == null) {
                        loaded = RuleBase.loadBundled(RuleBaseFiles.bundled());
                        instance = loaded;
                    }
                }
            }
            return loaded;
        }
    }
}
