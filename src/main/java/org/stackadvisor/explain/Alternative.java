package org.stackadvisor.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stackadvisor.Project;
import org.stackadvisor.internal.engine.RuleBase;
import org.stackadvisor.internal.json.Json;
import org.stackadvisor.internal.vocabulary.ValidFacts;

/**
 * A nearby project: the project with one or two {@linkplain FactChange changes} to its facts,
 * decided. It carries the complete changed facts, so anyone can decide them again and check:
 *
 * <pre>{@code
 * Alternative alternative = advisor.whatIf(project).entries().get(0);
 * alternative.text();                                // "add 'chat' to traits"
 * alternative.verdict();                             // "nodejs"
 * Files.writeString(file, alternative.factsJson());  // a valid facts file
 * advisor.decide(file).verdict();                    // "nodejs" again
 * }</pre>
 *
 * Immutable.
 */
public final class Alternative {
    private final List<FactChange> changes;
    private final String verdict;
    private final Map<String, Integer> scores;
    private final List<RuleReference> rulesStarted;
    private final List<RuleReference> rulesStopped;
    private final ValidFacts facts;
    final Neighbourhood.Probe probe;

    Alternative(RuleBase ruleBase, Neighbourhood.Probe original, Neighbourhood.Probe probe) {
        this.probe = probe;
        this.changes = probe.changes;
        this.verdict = probe.verdict;
        this.scores = probe.scores;
        this.facts = probe.facts;
        this.rulesStarted = probe.firedRules.stream().filter(rule -> !original.firedRules.contains(rule))
                .map(rule -> RuleReference.of(ruleBase, rule)).collect(Collectors.toUnmodifiableList());
        this.rulesStopped = original.firedRules.stream().filter(rule -> !probe.firedRules.contains(rule))
                .map(rule -> RuleReference.of(ruleBase, rule)).collect(Collectors.toUnmodifiableList());
    }

    /** The one or two changes made to the project's facts. */
    public List<FactChange> changes() {
        return changes;
    }

    /** The changes in words, joined by "and". */
    public String text() {
        return changes.stream().map(FactChange::text).collect(Collectors.joining(" and "));
    }

    /** The verdict the changed project gets. */
    public String verdict() {
        return verdict;
    }

    /** Each candidate's score for the changed project, in the manifest's candidate order. */
    public Map<String, Integer> scores() {
        return scores;
    }

    /** The rules the changed project's decision rests on that the original's does not, in firing order. */
    public List<RuleReference> rulesStarted() {
        return rulesStarted;
    }

    /** The rules the original decision rests on that the changed project's does not, in firing order. */
    public List<RuleReference> rulesStopped() {
        return rulesStopped;
    }

    /** The complete changed facts as a facts document (canonical form), ready to write to a file and decide. */
    public String factsJson() {
        return Json.write(facts.canonical(), true);
    }

    /** The changed project, to decide or change further. */
    public Project project() {
        return Project.parse(facts.canonicalJson(), "<alternative>");
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("changes", changes.stream().map(FactChange::toMap).collect(Collectors.toList()));
        map.put("verdict", verdict);
        map.put("scores", scores);
        map.put("rulesStarted", rulesStarted.stream().map(RuleReference::toMap).collect(Collectors.toList()));
        map.put("rulesStopped", rulesStopped.stream().map(RuleReference::toMap).collect(Collectors.toList()));
        map.put("facts", facts.canonical());
        return map;
    }

    @Override
    public String toString() {
        return text() + " -> " + verdict + " " + scores;
    }
}
