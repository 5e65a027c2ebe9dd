package org.stackadvisor.authoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.stackadvisor.InvalidFactsException;
import org.stackadvisor.InvalidRuleBaseException;
import org.stackadvisor.Problem;
import org.stackadvisor.internal.Access;
import org.stackadvisor.internal.engine.RuleBase;
import org.stackadvisor.internal.engine.RuleBaseFiles;
import org.stackadvisor.internal.engine.RuleLint;
import org.stackadvisor.internal.json.Json;

/**
 * What is wrong with a rule base, found without deciding anything: the manifest's problems, every
 * compile error of the DRL files and decision tables, and what the lint finds that Drools compiles
 * silently (a rule citing no claim or an unknown one, a signal or caveat claim no rule cites, a
 * condition comparing a term or field the vocabulary does not declare, an unknown candidate, a
 * duplicate rule name, a consequence that changes or removes facts). Each problem names its file,
 * line and column, and is an error or a warning.
 *
 * <pre>{@code
 * Verification verification = Verification.of(Path.of("rules"));
 * verification.problems().forEach(problem -> System.out.println(problem.toCompilerLine()));
 * if (!verification.passed()) { ... }   // errors found; warnings alone pass
 * }</pre>
 */
public final class Verification {
    private final String origin;
    private final List<Problem> problems;

    private Verification(String origin, List<Problem> problems) {
        this.origin = origin;
        this.problems = List.copyOf(problems);
    }

    /** Verifies the rule base in a folder: its {@code manifest.json}, DRL files and CSV decision tables. */
    public static Verification of(Path rulesDirectory) {
        Objects.requireNonNull(rulesDirectory, "rulesDirectory");
        try {
            return of(RuleBaseFiles.fromDirectory(rulesDirectory));
        } catch (InvalidRuleBaseException e) {
            return new Verification(rulesDirectory.toString(), e.problems());
        }
    }

    /**
     * Verifies the rule base in a folder, or the bundled one when {@code rulesDirectory} is null, and
     * also decides the facts files of {@code scenarios} (a facts file or a folder of them) under the
     * firing limit, so that a rule that loops only on several facts at once is caught too.
     */
    public static Verification of(Path rulesDirectory, Path scenarios) {
        Objects.requireNonNull(scenarios, "scenarios");
        List<Scenario> all;
        try {
            all = Scenario.discover(scenarios);
        } catch (InvalidFactsException e) {
            return new Verification(rulesDirectory == null ? "bundled:" : rulesDirectory.toString(), e.problems());
        }
        return ofRules(rulesDirectory, all);
    }

    /**
     * As {@link #of(Path, Path)} for a rule base's own examples, which {@code verify} decides when
     * no facts are named: examples that do not read (their facts or expectations are invalid under
     * this rule base) are left to {@code test} to report, and the probes are decided all the same.
     */
    public static Verification withExamples(Path rulesDirectory, Path examples) {
        Objects.requireNonNull(examples, "examples");
        List<Scenario> scenarios;
        try {
            scenarios = Files.exists(examples) ? Scenario.discover(examples) : List.of();
        } catch (InvalidFactsException e) {
            scenarios = List.of();
        }
        return ofRules(rulesDirectory, scenarios);
    }

    /** The rule base of the folder, or the bundled one when it is null, verified with the scenarios decided. */
    private static Verification ofRules(Path rulesDirectory, List<Scenario> scenarios) {
        try {
            return of(rulesDirectory == null ? RuleBaseFiles.bundled() : RuleBaseFiles.fromDirectory(rulesDirectory), scenarios);
        } catch (InvalidRuleBaseException e) {
            return new Verification(rulesDirectory == null ? "bundled:" : rulesDirectory.toString(), e.problems());
        }
    }

    /** Verifies the rule base bundled in the jar. */
    public static Verification bundled() {
        try {
            return of(RuleBaseFiles.bundled());
        } catch (InvalidRuleBaseException e) {
            return new Verification("bundled:", e.problems());
        }
    }

    static Verification of(RuleBaseFiles files) {
        return of(files, List.of());
    }

    private static Verification of(RuleBaseFiles files, List<Scenario> scenarios) {
        return new Verification(files.origin, check(files, scenarios));
    }

    /** Every problem of a rule base's files, sorted by file, line and column; errors and warnings. */
    static List<Problem> check(RuleBaseFiles files) {
        return check(files, List.of());
    }

    private static List<Problem> check(RuleBaseFiles files, List<Scenario> scenarios) {
        RuleBase.Checked checked = RuleBase.check(files);
        List<Problem> problems = new ArrayList<>(checked.problems);
        if (checked.ruleBase != null) {
            List<Problem> settling = Access.root().settlingProblems(checked.ruleBase);
            problems.addAll(settling);
            if (settling.isEmpty()) {
                problems.addAll(OutcomeAnalysis.firstLoop(Access.root().serving(checked.ruleBase), scenarios));
            }
        }
        return RuleLint.inOrder(problems);
    }

    /** The rule base verified: its folder as given, or {@code bundled:}. */
    public String origin() {
        return origin;
    }

    /** Every problem, errors and warnings, by file, line and column. */
    public List<Problem> problems() {
        return problems;
    }

    /** The problems that make the rule base unusable or wrong. */
    public List<Problem> errors() {
        return bySeverity(Problem.Severity.ERROR);
    }

    /** The problems worth a look that do not stop the rule base. */
    public List<Problem> warnings() {
        return bySeverity(Problem.Severity.WARNING);
    }

    /** Whether there is no error (warnings may remain). */
    public boolean passed() {
        return errors().isEmpty();
    }

    /**
     * The verification as pretty-printed JSON, what {@code verify --format json} prints:
     * {@code {"ruleBase": ..., "passed": ..., "errors": N, "warnings": N, "problems": [{"severity",
     * "file", "line", "column", "message"}, ...]}}; a line or column of 0 is unknown.
     */
    public String toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ruleBase", origin);
        map.put("passed", passed());
        map.put("errors", errors().size());
        map.put("warnings", warnings().size());
        map.put("problems", problems.stream().map(Verification::toMap).collect(Collectors.toList()));
        return Json.write(map, true);
    }

    /** One problem as a JSON object: severity, file, line, column, JSON path (when it has one) and message. */
    static Map<String, Object> toMap(Problem problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("severity", problem.severity().label());
        map.put("file", problem.source());
        map.put("line", problem.line());
        map.put("column", problem.column());
        if (!problem.path().isEmpty()) {
            map.put("path", problem.path());
        }
        map.put("message", problem.message());
        return map;
    }

    private List<Problem> bySeverity(Problem.Severity severity) {
        return problems.stream().filter(problem -> problem.severity() == severity).collect(Collectors.toList());
    }
}
