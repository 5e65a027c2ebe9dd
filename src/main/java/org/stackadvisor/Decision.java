package org.stackadvisor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stackadvisor.explain.MadrRecord;
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
     * The claims that pull this project toward different candidates: one {@link Conclusion#TENSION}
     * for each pair of candidates that both have votes, and one for each place where the article
     * settles two claims itself, each with the article's way out where it gives one.
     */
    public List<Conclusion> tensions() {
        return conclusions(Conclusion.TENSION);
    }

    /**
     * Each term the facts gave under another name than the one the rules understand: an alias
     * declared in the manifest ({@code typescript} for {@code javascript}) or another case. The
     * input hash is over the understood facts.
     */
    public List<Reading> understood() {
        return input.readings;
    }

    /** Every input term that no rule used, each with the reason the article does not weigh it. */
    public List<Unweighed> notWeighed() {
        return trace.notWeighed();
    }

    /**
     * How the verdict fares under other reasonable weightings of the article's claims, recomputed
     * from this decision's evidence without firing again: "holds under all N", or which weighting
     * turns it into what.
     */
    public Robustness robustness() {
        return trace.robustness(verdict);
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
        return trace.firedRules();
    }

    DecisionTrace trace() {
        return trace;
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

    /**
     * The decision as an Architecture Decision Record in the MADR 4 format, proposed and dated
     * today; {@link org.stackadvisor.explain.MadrRecord} sets the status, the date and the decision
     * makers, and writes the record into a folder under the next number.
     *
     * <pre>{@code
     * String markdown = decision.toMadr(advisor);
     * }</pre>
     *
     * @param advisor the advisor that made the decision: it gives the claims' paraphrases, the
     *     candidates' labels and, for an {@code either} verdict, what would decide it
     */
    public String toMadr(StackAdvisor advisor) {
        return MadrRecord.of(this, advisor).markdown();
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
        map.put("tensions", tensions().stream().map(tension -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("text", tension.text());
            entry.put("claims", tension.claims());
            entry.put("firings", tension.firings());
            return entry;
        }).collect(Collectors.toList()));
        map.put("notWeighed", notWeighed().stream().map(Unweighed::toMap).collect(Collectors.toList()));
        map.put("understood", understood().stream().map(Reading::toMap).collect(Collectors.toList()));
        map.put("robustness", robustness().toMap());
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

    /** A term as the facts gave it and as the rules understand it. */
    public static final class Reading {
        private final String field;
        private final String given;
        private final String understood;

        Reading(String field, String given, String understood) {
            this.field = field;
            this.given = given;
            this.understood = understood;
        }

        /** The facts field, such as {@code team.skills}. */
        public String field() {
            return field;
        }

        /** The term as given, such as {@code typescript}. */
        public String given() {
            return given;
        }

        /** The term as understood, such as {@code javascript}. */
        public String understood() {
            return understood;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("field", field);
            map.put("given", given);
            map.put("understood", understood);
            return map;
        }

        @Override
        public String toString() {
            return field + " " + given + " as " + understood;
        }
    }

    /** An input term that no rule used, and why the article does not weigh it. */
    public static final class Unweighed {
        private final String field;
        private final String term;
        private final String reason;
        private final boolean known;

        Unweighed(String field, String term, String reason, boolean known) {
            this.field = field;
            this.term = term;
            this.reason = reason;
            this.known = known;
        }

        /** Whether the term is in the rule base's vocabulary; an unknown one was accepted without being understood. */
        public boolean known() {
            return known;
        }

        /** The facts field, such as {@code team.skills}. */
        public String field() {
            return field;
        }

        /** The term as the facts give it, such as {@code python}. */
        public String term() {
            return term;
        }

        /** Why the article does not weigh it, from the manifest. */
        public String reason() {
            return reason;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("field", field);
            map.put("term", term);
            map.put("reason", reason);
            map.put("known", known);
            return map;
        }

        @Override
        public String toString() {
            return field + " " + term + ": " + reason;
        }
    }

    /** How the verdict fares under the declared family of other weightings. */
    public static final class Robustness {
        private final int weightings;
        private final List<Change> changes;
        private final String notComputed;

        Robustness(int weightings, List<Change> changes, String notComputed) {
            this.weightings = weightings;
            this.changes = List.copyOf(changes);
            this.notComputed = notComputed;
        }

        /** Whether every weighting of the family gives the same verdict. */
        public boolean holds() {
            return notComputed == null && changes.isEmpty();
        }

        /** How many weightings were tried. */
        public int weightings() {
            return weightings;
        }

        /** The weightings that give another verdict, each with that verdict. */
        public List<Change> changes() {
            return changes;
        }

        /** In words: "holds under all 54 weightings", or which weightings turn it into what. */
        public String summary() {
            if (notComputed != null) {
                return notComputed;
            }
            if (changes.isEmpty()) {
                return "holds under all " + weightings + " weightings";
            }
            return "changes under " + changes.size() + " of " + weightings + " weightings: "
                    + changes.stream().map(Change::toString).collect(Collectors.joining("; "));
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("holds", holds());
            map.put("weightings", weightings);
            map.put("summary", summary());
            map.put("changes", changes.stream().map(change -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("weighting", change.weighting);
                entry.put("verdict", change.verdict);
                return entry;
            }).collect(Collectors.toList()));
            return map;
        }

        @Override
        public String toString() {
            return summary();
        }

        /** One weighting under which the verdict differs. */
        public static final class Change {
            private final String weighting;
            private final String verdict;

            Change(String weighting, String verdict) {
                this.weighting = weighting;
                this.verdict = verdict;
            }

            /** The weighting, such as {@code all weights equal} or {@code UC-2 weighed 3 instead of 2}. */
            public String weighting() {
                return weighting;
            }

            /** The verdict under it. */
            public String verdict() {
                return verdict;
            }

            @Override
            public String toString() {
                return weighting + " gives " + verdict;
            }
        }
    }
}
