package org.stackadvisor;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of {@link Scenario#run}: the decision and every expectation it missed. */
public final class ScenarioResult {
    private final Scenario scenario;
    private final Decision decision;
    private final List<String> failures;

    ScenarioResult(Scenario scenario, Decision decision, List<String> failures) {
        this.scenario = scenario;
        this.decision = decision;
        this.failures = List.copyOf(failures);
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

    /** A readable report: the scenario, each failure, and the scores and firings behind it. */
    public String report() {
        if (passed()) {
            return "ok   " + scenario.name() + " (" + decision.verdict() + ")";
        }
        StringBuilder report = new StringBuilder("FAIL " + scenario.name() + "\n");
        failures.forEach(failure -> report.append("  - ").append(failure).append('\n'));
        report.append("  decision: ").append(decision.verdict()).append(' ').append(decision.scores()).append('\n');
        report.append("  rules the decision rests on:\n");
        report.append(decision.firings().stream().filter(firing -> !firing.superseded())
                .map(firing -> "    #" + firing.seq() + " " + firing.rule() + " " + firing.claims())
                .collect(Collectors.joining("\n")));
        return report.append('\n').toString();
    }
}
