package org.stackadvisor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stackadvisor.internal.engine.DecisionTrace;
import org.stackadvisor.internal.json.Json;
import org.stackadvisor.internal.vocabulary.ValidFacts;

/**
 * The outcome of deciding one {@link Project}: the verdict, the score of each candidate, the
 * conclusions with the claims behind them, every rule firing, and the identity of the rule base
 * and of the input that produced it. Immutable and safe to share. The verdict and the scores are
 * read when the rules have fired; the conclusions, their proofs and the rendered firings are built
 * from the captured trace the first time they are read, once.
 *
 * <pre>{@code
 * Decision decision = StackAdvisor.bundled().decide(project);
 * decision.verdict();            // "nodejs", "python" or "either"
 * decision.scores();             // {nodejs=19, python=1}
 * decision.toJson();             // the decision JSON contract, byte-identical for equal inputs
 * }</pre>
 */
public final class Decision {
    /** The verdict when no candidate leads by the rule base's margin. */
    public static final String EITHER = "either";

    private final String project;
    private final String verdict;
    private final Map<String, Integer> scores;
    private final DecisionTrace trace;
    private final Map<String, Object> knowledgeBase;
    private final ValidFacts input;

    Decision(String project, String verdict, Map<String, Integer> scores, DecisionTrace trace,
            Map<String, Object> knowledgeBase, ValidFacts input) {
        this.project = project;
        this.verdict = verdict;
        this.scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        this.trace = trace;
        this.knowledgeBase = knowledgeBase;
        this.input = input;
    }

    /** The project's name. */
    public String project() {
        return project;
    }

    /** A candidate ID such as {@code nodejs}, or {@link #EITHER}. */
    public String verdict() {
        return verdict;
    }

    /** Each candidate's score, in the manifest's candidate order. */
    public Map<String, Integer> scores() {
        return scores;
    }

    /** Every conclusion: the verdict, the scores, the recommendations, then the caveats. */
    public List<Conclusion> conclusions() {
        return trace.conclusions();
    }

    /** The conclusions of one kind, such as {@link Conclusion#CAVEAT}. */
    public List<Conclusion> conclusions(String kind) {
        return conclusions().stream().filter(conclusion -> conclusion.kind().equals(kind)).collect(Collectors.toList());
    }

    /**
     * The verdict's proof: the firing that derived the verdict, the scores it compared, the evidence
     * they summed, and so on down to the input facts.
     */
    public Proof proof() {
        return conclusions(Conclusion.VERDICT).get(0).proof();
    }

    /** Every rule firing, in order. */
    public List<Firing> firings() {
        return trace.firings();
    }

    /**
     * The names of the rules whose firings the decision rests on, in firing order, each once;
     * {@linkplain Firing#superseded() superseded} firings are left out.
     */
    public List<String> firedRules() {
        return firings().stream().filter(firing -> !firing.superseded()).map(Firing::rule).distinct()
                .collect(Collectors.toList());
    }

    /** The claim IDs cited by the {@linkplain #firedRules() rules the decision rests on}, sorted, each once. */
    public List<String> firedClaims() {
        return firings().stream().filter(firing -> !firing.superseded()).flatMap(firing -> firing.claims().stream())
                .distinct().sorted().collect(Collectors.toList());
    }

    /** The SHA-256 of the rule base that made this decision. */
    public String knowledgeBaseSha256() {
        return (String) knowledgeBase.get("sha256");
    }

    /** The rule base's name, from its manifest. */
    public String knowledgeBaseName() {
        return (String) knowledgeBase.get("name");
    }

    /** The rule base's version, from its manifest. */
    public String knowledgeBaseVersion() {
        return (String) knowledgeBase.get("version");
    }

    /** The Drools version that compiled and ran the rules. */
    public String droolsVersion() {
        return (String) knowledgeBase.get("drools");
    }

    /** The SHA-256 of each rule's source text, by rule name (sorted), so that a change to one rule shows. */
    @SuppressWarnings("unchecked")
    public Map<String, String> ruleSha256s() {
        return Collections.unmodifiableMap((Map<String, String>) knowledgeBase.get("rules"));
    }

    /** The SHA-256 of each rule-base file, by its path in the rule base folder. */
    @SuppressWarnings("unchecked")
    public Map<String, String> fileSha256s() {
        return Collections.unmodifiableMap((Map<String, String>) knowledgeBase.get("files"));
    }

    /** The validated input facts in canonical form, as in the decision JSON's {@code input.facts}. */
    public Map<String, Object> inputFacts() {
        return input.canonical();
    }

    /** The SHA-256 of the validated input facts in canonical form. */
    public String inputSha256() {
        return input.sha256();
    }

    /** The decision as the contract JSON, pretty-printed; equal inputs give equal bytes. */
    public String toJson() {
        return Json.write(toMap(), true);
    }

    /**
     * The decision as the contract JSON on one line, for JSON Lines: the same keys and values as
     * {@link #toJson()}, without indentation or line breaks.
     * <pre>{@code
     * try (Writer out = Files.newBufferedWriter(Path.of("decisions.jsonl"))) {
     *     out.write(decision.toJsonLine());
     *     out.write('\n');
     * }
     * }</pre>
     */
    public String toJsonLine() {
        return Json.write(toMap(), false);
    }

    /** Several decisions as one JSON array, in the given order. */
    public static String toJsonArray(List<Decision> decisions) {
        return Json.write(decisions.stream().map(Decision::toMap).collect(Collectors.toList()), true);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("project", project);
        map.put("verdict", verdict);
        map.put("scores", scores);
        map.put("conclusions", conclusions().stream().map(Conclusion::toMap).collect(Collectors.toList()));
        map.put("firings", firings().stream().map(Firing::toMap).collect(Collectors.toList()));
        map.put("knowledgeBase", knowledgeBase);
        Map<String, Object> inputPart = new LinkedHashMap<>();
        inputPart.put("sha256", input.sha256());
        inputPart.put("facts", input.canonical());
        map.put("input", inputPart);
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decision && toJson().equals(((Decision) other).toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "Decision[" + project + ": " + verdict + " " + scores + "]";
    }
}
