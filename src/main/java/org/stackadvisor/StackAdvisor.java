package org.stackadvisor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * <p>A {@code StackAdvisor} is immutable and thread-safe: share one instance between threads;
 * each decision runs in its own rule session over the shared, compiled rule base.
 */
public final class StackAdvisor {
    /** The default {@linkplain Builder#maxFactsFileBytes largest facts file}: 1 MiB. */
    public static final long DEFAULT_MAX_FACTS_FILE_BYTES = Project.DEFAULT_MAX_FILE_SIZE;

    private final RuleBase ruleBase;
    private final int firingLimit;
    private final long maxFactsFileBytes;
    private final List<DecisionListener> listeners;

    private StackAdvisor(RuleBase ruleBase, Builder builder) {
        this.ruleBase = ruleBase;
        this.firingLimit = builder.firingLimit > 0 ? builder.firingLimit : defaultFiringLimit(ruleBase);
        this.maxFactsFileBytes = builder.maxFactsFileBytes;
        this.listeners = List.copyOf(builder.listeners);
    }

    /**
     * Starts an advisor with settings other than the defaults:
     * <pre>{@code
     * StackAdvisor advisor = StackAdvisor.builder()
     *         .rulesDirectory(Path.of("rules"))
     *         .firingLimit(5_000)
     *         .build();
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The advisor with the rule base bundled in the jar. The rules are compiled once per class
     * loader and shared by every advisor this method returns.
     *
     * @throws InvalidRuleBaseException if the bundled rules are missing or do not compile
     */
    public static StackAdvisor bundled() {
        return builder().build();
    }

    /**
     * The advisor with the rule base in {@code rulesDirectory}: a {@code manifest.json} and the
     * DRL files beside it, compiled now.
     *
     * @throws InvalidRuleBaseException with every problem, each with its file and line
     */
    public static StackAdvisor fromDirectory(Path rulesDirectory) {
        return builder().rulesDirectory(rulesDirectory).build();
    }

    /**
     * Decides a project.
     *
     * @throws InvalidFactsException when the project breaks the rule base's vocabulary
     */
    public Decision decide(Project project) {
        Objects.requireNonNull(project, "project");
        ValidFacts facts = FactsValidator.validate(project, ruleBase.manifest.vocabulary);
        Decision decision = DecisionRun.decide(ruleBase, facts, firingLimit);
        for (DecisionListener listener : listeners) {
            listener.decided(decision);
        }
        return decision;
    }

    /**
     * Reads a facts file and decides it.
     *
     * @throws InvalidFactsException when the file is missing, unreadable or invalid, with every problem
     */
    public Decision decide(Path factsFile) {
        return decide(Project.read(factsFile, maxFactsFileBytes));
    }

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
        return WhatIf.of(neighbourhood(project), requireNotNegative(pairLimit));
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
        RuleReference reference = Explanations.rule(ruleBase, Objects.requireNonNull(rule, "rule"));
        return WhyNotRule.of(neighbourhood(project), reference, requireNotNegative(pairLimit));
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
        String id = Explanations.candidate(ruleBase, Objects.requireNonNull(candidate, "candidate"));
        return WhyNotCandidate.of(neighbourhood(project), id, requireNotNegative(pairLimit));
    }

    private Neighbourhood neighbourhood(Project project) {
        Objects.requireNonNull(project, "project");
        return new Neighbourhood(ruleBase, FactsValidator.validate(project, ruleBase.manifest.vocabulary), firingLimit);
    }

    private static int requireNotNegative(int pairLimit) {
        if (pairLimit < 0) {
            throw new IllegalArgumentException("pairLimit must be at least 0");
        }
        return pairLimit;
    }

    /** The rule base's name, from its manifest. */
    public String knowledgeBaseName() {
        return ruleBase.manifest.name;
    }

    /** The rule base's version, from its manifest. */
    public String knowledgeBaseVersion() {
        return ruleBase.manifest.version;
    }

    /** The SHA-256 over every file of the rule base. */
    public String knowledgeBaseSha256() {
        return ruleBase.sha256;
    }

    /** The claim catalogue of the rule base's manifest, in its order. */
    public List<Claim> claims() {
        return List.copyOf(ruleBase.manifest.claims.values());
    }

    /** The candidate IDs, in the manifest's order. */
    public List<String> candidates() {
        return List.copyOf(ruleBase.manifest.candidates.keySet());
    }

    /** The most rule firings one decision may take before it fails as a runaway. */
    public int firingLimit() {
        return firingLimit;
    }

    private static int defaultFiringLimit(RuleBase ruleBase) {
        return 1_000 + 100 * ruleBase.rules.size();
    }

    /** Settings for a {@link StackAdvisor}; every one has a default. Not thread-safe; the advisor it builds is. */
    public static final class Builder {
        private Path rulesDirectory;
        private int firingLimit;
        private long maxFactsFileBytes = DEFAULT_MAX_FACTS_FILE_BYTES;
        private final List<DecisionListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** Adds a listener that receives every decision, in the order listeners were added. */
        public Builder listener(DecisionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Load the rule base from this folder instead of the bundled one. */
        public Builder rulesDirectory(Path rulesDirectory) {
            this.rulesDirectory = Objects.requireNonNull(rulesDirectory, "rulesDirectory");
            return this;
        }

        /**
         * The most rule firings one decision may take; past it the decision fails, naming the rules
         * that fired most. The default is sized to the rule base: 1,000 plus 100 per rule.
         */
        public Builder firingLimit(int firingLimit) {
            if (firingLimit < 1) {
                throw new IllegalArgumentException("firingLimit must be at least 1");
            }
            this.firingLimit = firingLimit;
            return this;
        }

        /** The largest facts file {@link StackAdvisor#decide(Path)} reads; the default is 1 MiB. */
        public Builder maxFactsFileBytes(long maxFactsFileBytes) {
            if (maxFactsFileBytes < 1) {
                throw new IllegalArgumentException("maxFactsFileBytes must be at least 1");
            }
            this.maxFactsFileBytes = maxFactsFileBytes;
            return this;
        }

        /**
         * Loads and compiles the rule base and returns the advisor.
         *
         * @throws InvalidRuleBaseException with every problem, each with its file and line
         */
        public StackAdvisor build() {
            RuleBase ruleBase = rulesDirectory == null ? BundledRuleBase.get()
                    : RuleBase.load(RuleBaseFiles.fromDirectory(rulesDirectory));
            return new StackAdvisor(ruleBase, this);
        }
    }

    /** Compiles the bundled rules on first use, once. */
    private static final class BundledRuleBase {
        private static volatile RuleBase instance;

        static RuleBase get() {
            RuleBase loaded = instance;
            if (loaded == null) {
                synchronized (BundledRuleBase.class) {
                    loaded = instance;
                    if (loaded == null) {
                        loaded = RuleBase.load(RuleBaseFiles.bundled());
                        instance = loaded;
                    }
                }
            }
            return loaded;
        }
    }
}
