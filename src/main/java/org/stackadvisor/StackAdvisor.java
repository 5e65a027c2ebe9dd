package org.stackadvisor;

import java.nio.file.Path;
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
    private final RuleBase ruleBase;

    private StackAdvisor(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    /**
     * The advisor with the rule base bundled in the jar. The rules are compiled once per class
     * loader and shared by every advisor this method returns.
     *
     * @throws InvalidRuleBaseException if the bundled rules are missing or do not compile
     */
    public static StackAdvisor bundled() {
        return new StackAdvisor(BundledRuleBase.get());
    }

    /**
     * The advisor with the rule base in {@code rulesDirectory}: a {@code manifest.json} and the
     * DRL files beside it, compiled now.
     *
     * @throws InvalidRuleBaseException with every problem, each with its file and line
     */
    public static StackAdvisor fromDirectory(Path rulesDirectory) {
        Objects.requireNonNull(rulesDirectory, "rulesDirectory");
        return new StackAdvisor(RuleBase.load(RuleBaseFiles.fromDirectory(rulesDirectory)));
    }

    /**
     * Decides a project.
     *
     * @throws InvalidFactsException when the project breaks the rule base's vocabulary
     */
    public Decision decide(Project project) {
        Objects.requireNonNull(project, "project");
        ValidFacts facts = FactsValidator.validate(project, ruleBase.manifest.vocabulary);
        return DecisionRun.decide(ruleBase, facts, firingLimit());
    }

    /**
     * Reads a facts file and decides it.
     *
     * @throws InvalidFactsException when the file is missing, unreadable or invalid, with every problem
     */
    public Decision decide(Path factsFile) {
        return decide(Project.read(factsFile));
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

    private int firingLimit() {
        return 1_000 + 100 * ruleBase.rules.size();
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
