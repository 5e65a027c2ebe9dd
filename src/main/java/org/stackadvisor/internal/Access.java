package org.stackadvisor.internal;

import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;
import org.stackadvisor.Claim;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.Firing;
import org.stackadvisor.Problem;
import org.stackadvisor.Project;
import org.stackadvisor.Proof;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.engine.DecisionTrace;
import org.stackadvisor.internal.engine.RuleBase;
import org.stackadvisor.internal.vocabulary.ValidFacts;

/**
 * Not API. The one door from the other packages of this project into what {@code org.stackadvisor}
 * keeps package-private: the engine makes decisions, conclusions, firings and proofs through it,
 * and the explanation and authoring tools reach an advisor's serving rule base. {@code
 * org.stackadvisor} installs its implementation when {@link StackAdvisor} is initialised, so the
 * public classes never need a constructor or method whose signature names an internal type (the
 * way the JDK's own {@code SharedSecrets} work).
 */
public final class Access {
    /** What {@code org.stackadvisor} lends the other packages of this project. */
    public interface Root {
        Decision decision(String project, String verdict, Map<String, Integer> scores, DecisionTrace trace,
                Map<String, Object> knowledgeBase, ValidFacts input);

        Conclusion conclusion(String kind, String text, List<String> claims, List<String> rules, String candidate,
                Integer points, List<Integer> firings, Proof proof);

        Firing firing(int seq, String rule, String section, List<String> claims, Map<String, Object> matched,
                List<Map<String, Object>> facts, List<Map<String, Object>> inserted, boolean superseded);

        Proof proof(Map<String, Object> fact, boolean input, boolean cycle, List<Proof.Derivation> derivations);

        Proof.Derivation derivation(int firing, String rule, List<String> claims, List<Proof> premises);

        Claim claim(String id, String section, List<String> kinds, String leans, String paraphrase, Integer weight,
                String rationale, boolean takeaway, String restates);

        Decision.Unweighed unweighed(String field, String term, String reason, boolean known);

        Decision.Reading reading(String field, String given, String understood);

        Decision.Robustness robustness(int weightings, List<Decision.Robustness.Change> changes, String notComputed);

        Decision.Robustness.Change robustnessChange(String weighting, String verdict);

        /** The decision as the map its JSON is written from. */
        Map<String, Object> toMap(Decision decision);

        /** The project's facts as parsed or built. */
        Map<String, Object> document(Project project);

        /** The 1-based line and column of a JSON path in the project's file, or null. */
        int[] position(Project project, String path);

        /** The rule base the advisor serves now. */
        RuleBase ruleBase(StackAdvisor advisor);

        /** The firing limit of one decision on {@code serving} with the advisor's settings. */
        int firingLimit(StackAdvisor advisor, RuleBase serving);

        /** An advisor with default settings on a rule base loaded by other means. */
        StackAdvisor serving(RuleBase ruleBase);

        /** Decides with the advisor's serving rule base and tells no listener. */
        Decision decideUnrecorded(StackAdvisor advisor, Project project);

        /** Whether a rule base settles on a verdict for a project with only a name. */
        List<Problem> settlingProblems(RuleBase candidate);

        /** The captured trace a decision builds its conclusions from, for searches that read only a part of it. */
        DecisionTrace trace(Decision decision);
    }

    private static volatile Root root;

    private Access() {
    }

    /** Called once, by {@code org.stackadvisor}; later calls are refused. */
    public static synchronized void install(Root implementation) {
        if (root != null) {
            throw new IllegalStateException("org.stackadvisor's access is installed already");
        }
        root = implementation;
    }

    /** What {@code org.stackadvisor} lends; initialises {@link StackAdvisor} first if nothing has yet. */
    public static Root root() {
        Root installed = root;
        if (installed == null) {
            try {
                MethodHandles.lookup().ensureInitialized(StackAdvisor.class);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            installed = root;
        }
        return installed;
    }
}
