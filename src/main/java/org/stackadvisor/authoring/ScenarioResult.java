package org.stackadvisor.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stackadvisor.Decision;
import org.stackadvisor.Problem;
import org.stackadvisor.internal.json.Json;

/** The outcome of {@link Scenario#run}: the decision and every expectation it missed. */
public final class ScenarioResult {
    private final Scenario scenario;
    private final Decision decision;
    private final List<String> failures;
    private final List<String> explanations;

    ScenarioResult(Scenario scenario, Decision decision, List<String> failures, List<String> explanations) {
        this.scenario = scenario;
        this.decision = decision;
        this.failures = List.copyOf(failures);
        this.explanations = List.copyOf(explanations);
    }

    /** The scenario that ran. */
    public Scenario scenario() {
        return scenario;
    }

    /** The decision the scenario's facts got. */
    public Decision decision() {
        return decision;
    }

    /** Whether every expectation held. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** One line per missed expectation. */
    public List<String> failures() {
        return failures;
    }

    /**
     * A run of scenarios as pretty-printed JSON, what {@code test --format json} prints: the counts,
     * each scenario's name, facts file, verdict, whether it passed and its failures, and the problems
     * of invalid facts or expectations files (as in {@link Verification#toJson()}).
     */
    public static String toJson(List<ScenarioResult> results, List<Problem> invalid) {
        Map<String, Object> map = new LinkedHashMap<>();
        long passed = results.stream().filter(ScenarioResult::passed).count();
        map.put("scenarios", results.size() + invalid.size());
        map.put("passed", passed);
        map.put("failed", results.size() - passed);
        map.put("invalid", invalid.size());
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (ScenarioResult result : results) {
            Map<String, Object> scenario = new LinkedHashMap<>();
            scenario.put("name", result.scenario.name());
            scenario.put("facts", result.scenario.factsFile().toString());
            scenario.put("passed", result.passed());
            scenario.put("verdict", result.decision.verdict());
            scenario.put("scores", result.decision.scores());
            scenario.put("failures", result.failures);
            scenarios.add(scenario);
        }
        map.put("results", scenarios);
        map.put("problems", invalid.stream().map(Verification::toMap).collect(Collectors.toList()));
        return Json.write(map, true);
    }

    /**
     * A readable report: {@code ok   NAME (verdict)} when every expectation held; otherwise
     * {@code FAIL NAME} and, for each missed expectation, a diff ({@code -} expected,
     * {@code +} actual) with the part of the trace that explains it:
     * <pre>
     * FAIL live-chat
     *   verdict: expected python but was nodejs (scores nodejs 19, python 1)
     *     - verdict python
     *     + verdict nodejs
     *     scores: nodejs 19, python 1 (a candidate must lead by 2)
     *     evidence:
     *       +3 nodejs [UC-3] Real-time, data-heavy web work ... (rule "...")
     * </pre>
     */
    public String report() {
        if (passed()) {
            return "ok   " + scenario.name() + " (" + decision.verdict() + ")";
        }
        StringBuilder report = new StringBuilder("FAIL " + scenario.name() + "\n");
        for (int i = 0; i < failures.size(); i++) {
            report.append("  ").append(failures.get(i)).append('\n');
            if (i < explanations.size()) {
                for (String line : explanations.get(i).split("\n")) {
                    report.append("    ").append(line).append('\n');
                }
            }
        }
        return report.toString();
    }
}
