package org.stackadvisor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.stackadvisor.internal.engine.RuleBase;
import org.stackadvisor.internal.facts.Candidate;
import org.stackadvisor.internal.facts.CatalogueEntry;
import org.stackadvisor.internal.facts.Caveat;
import org.stackadvisor.internal.facts.Evidence;
import org.stackadvisor.internal.facts.Score;
import org.stackadvisor.internal.facts.Tension;
import org.stackadvisor.internal.facts.Term;
import org.stackadvisor.internal.facts.Verdict;
import org.stackadvisor.internal.vocabulary.FactsValidator;
import org.stackadvisor.internal.vocabulary.ValidFacts;

/**
 * The benchmarks' inputs: an advisor, its compiled rule base, and every example of a facts folder
 * in each form a benchmark starts from (parsed project, validated facts, input terms, decision).
 * Building it checks once that hand-written Java, raw Drools and the advisor agree on every
 * example, so no benchmark compares paths that decide differently.
 */
final class BenchExamples {
    final StackAdvisor advisor;
    final RuleBase ruleBase;
    final int firingLimit;
    final List<String> names = new ArrayList<>();
    final List<Project> projects = new ArrayList<>();
    /** The facts file of each example, where it came from one (the bundled examples). */
    final List<Path> files = new ArrayList<>();
    final List<ValidFacts> facts = new ArrayList<>();
    final List<List<Term>> terms = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    final List<String> candidates;

    private BenchExamples(StackAdvisor advisor, List<Project> examples, List<String> names) {
        this.advisor = advisor;
        this.ruleBase = ruleBaseOf(advisor);
        this.firingLimit = advisor.firingLimit();
        this.candidates = List.copyOf(ruleBase.manifest.candidates.keySet());
        this.names.addAll(names);
        for (Project project : examples) {
            projects.add(project);
            ValidFacts valid = FactsValidator.validate(project, ruleBase.manifest.vocabulary, false, ruleBase::catalogued);
            facts.add(valid);
            terms.add(valid.terms());
            decisions.add(advisor.decide(project));
        }
    }

    /** The bundled advisor and the examples of {@code factsFolder}, checked to agree on every path. */
    static BenchExamples bundled(Path factsFolder) {
        List<Path> files;
        try (Stream<Path> list = Files.list(factsFolder)) {
            files = list.filter(path -> path.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot list " + factsFolder.toAbsolutePath() + ": run benchmarks from the project folder", e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no facts examples in " + factsFolder.toAbsolutePath());
        }
        BenchExamples examples = new BenchExamples(StackAdvisor.bundled(),
                files.stream().map(Project::read).collect(Collectors.toList()),
                files.stream().map(path -> path.getFileName().toString()).collect(Collectors.toList()));
        examples.files.addAll(files);
        examples.checkAllPathsAgree();
        return examples;
    }

    /** The advisor and projects given, for generated rule bases (no hand-written twin to check). */
    static BenchExamples of(StackAdvisor advisor, List<Project> projects) {
        return new BenchExamples(advisor, projects, projects.stream().map(Project::name).collect(Collectors.toList()));
    }

    int size() {
        return projects.size();
    }

    /** The advisor's own compiled rule base: the benchmarks compare paths over the very same KieBase. */
    private static RuleBase ruleBaseOf(StackAdvisor advisor) {
        return advisor.ruleBase();
    }

    /** Raw Drools, no listeners: new session, insert the input, fire, read the verdict, dispose. */
    String rawDrools(int example) {
        KieSession session = ruleBase.kieBase.newKieSession();
        try {
            insertInput(session, example);
            session.fireAllRules();
            Collection<?> verdicts = session.getObjects(new ClassObjectFilter(Verdict.class));
            return verdicts.size() == 1 ? ((Verdict) verdicts.iterator().next()).getCandidate() : null;
        } finally {
            session.dispose();
        }
    }

    HandWrittenDecision handWritten(int example) {
        return HandWrittenDecision.decide(terms.get(example), facts.get(example).catalogued, candidates, ruleBase.manifest.weights, ruleBase.manifest.margin);
    }

    /**
     * The input of a decision, as {@link DecisionRun} inserts it: the rule base's given facts (a
     * candidate each, the margin, the claims' weights), the catalogue's entry for each library the
     * vocabulary does not name, then the project's terms.
     */
    void insertInput(KieSession session, int example) {
        for (Object given : ruleBase.givenFacts) {
            session.insert(given);
        }
        facts.get(example).catalogued.forEach((library, ecosystem) -> session.insert(new CatalogueEntry(library, ecosystem)));
        for (Term term : terms.get(example)) {
            session.insert(term);
        }
    }

    private void checkAllPathsAgree() {
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            HandWrittenDecision hand = handWritten(i);
            Decision decision = decisions.get(i);
            KieSession session = ruleBase.kieBase.newKieSession();
            Set<Evidence> evidence = new HashSet<>();
            Set<Caveat> caveats = new HashSet<>();
            Set<Tension> tensions = new HashSet<>();
            Map<String, Integer> scores = new LinkedHashMap<>();
            candidates.forEach(candidate -> scores.put(candidate, 0));
            try {
                insertInput(session, i);
                session.fireAllRules();
                session.getObjects(new ClassObjectFilter(Evidence.class)).forEach(fact -> evidence.add((Evidence) fact));
                session.getObjects(new ClassObjectFilter(Caveat.class)).forEach(fact -> caveats.add((Caveat) fact));
                session.getObjects(new ClassObjectFilter(Tension.class)).forEach(fact -> tensions.add((Tension) fact));
                session.getObjects(new ClassObjectFilter(Score.class))
                        .forEach(fact -> scores.put(((Score) fact).getCandidate(), ((Score) fact).getTotal()));
            } finally {
                session.dispose();
            }
            String raw = rawDrools(i);
            if (!hand.verdict.equals(raw) || !hand.verdict.equals(decision.verdict())) {
                disagreements.add(names.get(i) + ": verdict hand-written " + hand.verdict + ", raw Drools " + raw
                        + ", advisor " + decision.verdict());
            }
            if (!hand.scores.equals(scores) || !hand.scores.equals(decision.scores())) {
                disagreements.add(names.get(i) + ": scores hand-written " + hand.scores + ", raw Drools " + scores
                        + ", advisor " + decision.scores());
            }
            if (!hand.evidence.equals(evidence)) {
                disagreements.add(names.get(i) + ": evidence hand-written " + hand.evidence + ", raw Drools " + evidence);
            }
            if (!new HashSet<>(hand.caveats).equals(caveats)) {
                disagreements.add(names.get(i) + ": caveats hand-written " + hand.caveats + ", raw Drools " + caveats);
            }
            if (!new HashSet<>(hand.tensions).equals(tensions)) {
                disagreements.add(names.get(i) + ": tensions hand-written " + hand.tensions + ", raw Drools " + tensions);
            }
        }
        if (!disagreements.isEmpty()) {
            throw new IllegalStateException("the decision paths disagree, so their timings would not compare:\n  "
                    + String.join("\n  ", disagreements));
        }
    }

    static KieBase kieBase(StackAdvisor advisor) {
        return ruleBaseOf(advisor).kieBase;
    }
}
