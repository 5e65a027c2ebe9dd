package org.stackadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackadvisor.rules.RuleTestSupport.decide;
import static org.stackadvisor.rules.RuleTestSupport.derivedFactsOf;
import static org.stackadvisor.rules.RuleTestSupport.firedRulesOf;
import static org.stackadvisor.rules.RuleTestSupport.margin;
import static org.stackadvisor.rules.RuleTestSupport.points;
import static org.stackadvisor.rules.RuleTestSupport.rulesOf;
import static org.stackadvisor.rules.RuleTestSupport.tensionClaimsOf;
import static org.stackadvisor.rules.RuleTestSupport.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;

/**
 * The rules of {@code decision.drl}: a candidate that leads by at least the manifest's margin is
 * recommended, otherwise the verdict is {@code either} (CON-1). The margin is read from
 * {@code rules/manifest.json}; projects are composed to reach exact scores around it, each piece's
 * points worked out from the manifest's claim weights.
 */
class DecisionRulesTest {
    private static final String FILE = "decision.drl";

    private static final String LEADER = "The candidate that leads by the margin is recommended";
    private static final String EITHER = "Either stack will do when no candidate leads by the margin";

    /**
     * A piece of a project and the claims it makes vote for one candidate; its points are those
     * claims' votes, worked out from the manifest's weights. No two pieces of one pool share a signal,
     * so their points add up.
     */
    private record Contribution(List<String> claims, UnaryOperator<Project.Builder> addTo) {
        int points() {
            return RuleTestSupport.points(claims.toArray(String[]::new));
        }
    }

    private static final List<Contribution> NODEJS_POINTS = List.of(
            new Contribution(List.of("PF-T1", "BACK-2"), project -> project.traits("real-time")),
            new Contribution(List.of("UC-4"), project -> project.traits("io-bound")),
            new Contribution(List.of("UC-5"), project -> project.traits("memory-intensive")),
            new Contribution(List.of("LC-1"), project -> project.needs("one-language-stack")),
            new Contribution(List.of("LC-T1"), project -> project.teamSkills("async")),
            new Contribution(List.of("FLC-T", "FLC-8"), project -> project.libraries("express")));

    private static final List<Contribution> PYTHON_POINTS = List.of(
            new Contribution(List.of("UC-1"), project -> project.needs("numerical-computation")),
            new Contribution(List.of("SC-3"), project -> project.needs("data-migrations")),
            new Contribution(List.of("FLC-T", "FLC-2"), project -> project.needs("data-analysis")),
            new Contribution(List.of("UC-2"), project -> project.domain("banking")),
            new Contribution(List.of("LC-2", "LC-3"), project -> project.teamExperience("new")));

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file; then
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(LEADER, EITHER);
    }

    @Test
    void whenTheManifestIsRead_thenTheMarginIsAPositiveNumberOfPoints() {
        // given / when the manifest's decision.margin; then the tests below can build leads around it
        assertThat(margin()).isPositive();
    }

    @Test
    void whenEachContributionIsDecidedAlone_thenItScoresTheManifestWeightOfItsClaims() {
        // given each piece the tests below compose projects from
        for (List<Contribution> pool : List.of(NODEJS_POINTS, PYTHON_POINTS)) {
            String candidate = pool == NODEJS_POINTS ? "nodejs" : "python";
            for (Contribution contribution : pool) {
                Project.Builder project = Project.builder("one piece");
                contribution.addTo().apply(project);
                // when
                Decision decision = decide(project.build());
                // then its candidate scores exactly the contribution's points, the other nothing
                assertThat(decision.scores()).as("%s for %s", contribution.claims(), candidate)
                        .containsEntry(candidate, contribution.points())
                        .containsEntry(candidate.equals("nodejs") ? "python" : "nodejs", 0);
            }
        }
    }

    @Test
    void whenPythonLeadsByExactlyTheMargin_thenPython() {
        // given scores where Python leads Node.js by exactly the margin
        Decision decision = decide(projectWithLead("python", margin()));
        assertThat(lead(decision, "python")).isEqualTo(margin());
        // then Python is recommended by the leader rule alone
        assertThat(decision.verdict()).isEqualTo("python");
        assertThat(firedRulesOf(decision, FILE)).containsExactly(LEADER);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(verdict("python"));
        assertThat(decision.conclusions(Conclusion.VERDICT)).singleElement().satisfies(conclusion -> {
            assertThat(conclusion.rules()).containsExactly(LEADER);
            assertThat(conclusion.claims()).containsExactly("BACK-3");
        });
        assertThat(decision.firedClaims()).doesNotContain("CON-1");
    }

    @Test
    void whenNodejsLeadsByExactlyTheMargin_thenNodejs() {
        // given scores where Node.js leads Python by exactly the margin
        Decision decision = decide(projectWithLead("nodejs", margin()));
        assertThat(lead(decision, "nodejs")).isEqualTo(margin());
        // then Node.js is recommended
        assertThat(decision.verdict()).isEqualTo("nodejs");
        assertThat(firedRulesOf(decision, FILE)).containsExactly(LEADER);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(verdict("nodejs"));
    }

    @Test
    void whenNodejsLeadsByMoreThanTheMargin_thenNodejs() {
        // given a lead of the margin plus three points
        Decision decision = decide(projectWithLead("nodejs", margin() + 3));
        assertThat(lead(decision, "nodejs")).isEqualTo(margin() + 3);
        // then Node.js is recommended
        assertThat(decision.verdict()).isEqualTo("nodejs");
        assertThat(firedRulesOf(decision, FILE)).containsExactly(LEADER);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(verdict("nodejs"));
    }

    @Test
    void whenPythonLeadsByOneLessThanTheMargin_thenEitherCitingCon1() {
        // given Python ahead by one point less than the margin (near miss for the leader rule)
        Decision decision = decide(projectWithLead("python", margin() - 1));
        assertThat(lead(decision, "python")).isEqualTo(margin() - 1);
        // then no candidate is recommended; the verdict is "either", citing CON-1
        assertThat(decision.verdict()).isEqualTo(Decision.EITHER);
        assertThat(firedRulesOf(decision, FILE)).containsExactly(EITHER);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(verdict("either"));
        assertThat(decision.conclusions(Conclusion.VERDICT)).singleElement().satisfies(conclusion -> {
            assertThat(conclusion.rules()).containsExactly(EITHER);
            assertThat(conclusion.claims()).containsExactly("CON-1");
        });
        assertThat(decision.firedClaims()).contains("CON-1");
    }

    @Test
    void whenNodejsLeadsByOneLessThanTheMargin_thenEitherCitingCon1() {
        // given Node.js ahead by one point less than the margin
        Decision decision = decide(projectWithLead("nodejs", margin() - 1));
        assertThat(lead(decision, "nodejs")).isEqualTo(margin() - 1);
        // then
        assertThat(decision.verdict()).isEqualTo(Decision.EITHER);
        assertThat(firedRulesOf(decision, FILE)).containsExactly(EITHER);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(verdict("either"));
        assertThat(decision.firedClaims()).contains("CON-1");
    }

    @Test
    void whenScoresAreTiedAboveZero_thenEitherNamingTheTension() {
        // given equal, non-zero scores: I/O-bound work (UC-4) against data analysis (FLC-2 with FLC-T)
        Project project = Project.builder("tie").traits("io-bound").needs("data-analysis").build();
        assertThat(points("UC-4")).isEqualTo(points("FLC-T", "FLC-2"));
        // when
        Decision decision = decide(project);
        // then each candidate is a tied leader; the two equal verdicts merge into one "either",
        // and the decision names the tension that produced it
        assertThat(decision.scores()).containsExactly(Map.entry("nodejs", points("UC-4")), Map.entry("python", points("FLC-T", "FLC-2")));
        assertThat(decision.verdict()).isEqualTo(Decision.EITHER);
        assertThat(firedRulesOf(decision, FILE)).containsExactly(EITHER);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(verdict("either"));
        assertThat(decision.firedClaims()).contains("CON-1");
        assertThat(tensionClaimsOf(decision)).containsExactly(List.of("FLC-2", "FLC-T", "UC-4"));
    }

    @Test
    void whenAVerdictIsGiven_thenItsRobustnessIsReported() {
        // given a project where Python leads by more than the margin
        Decision decision = decide(projectWithLead("python", margin() + 3));
        // when the verdict's robustness is read
        var robustness = decision.robustness();
        // then it was tried under the declared weightings and says so in words
        assertThat(robustness.weightings()).isPositive();
        assertThat(robustness.summary()).isNotBlank();
        assertThat(robustness.holds()).isEqualTo(robustness.changes().isEmpty());
    }

    @Test
    void whenNoFactsAtAll_thenEitherCitingCon1() {
        // given a project with a name only
        Project project = Project.builder("nothing known").build();
        // when
        Decision decision = decide(project);
        // then both score 0 and the verdict is "either"
        assertThat(decision.scores()).containsExactly(Map.entry("nodejs", 0), Map.entry("python", 0));
        assertThat(decision.verdict()).isEqualTo(Decision.EITHER);
        assertThat(firedRulesOf(decision, FILE)).containsExactly(EITHER);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(verdict("either"));
        assertThat(decision.firedClaims()).containsExactly("BACK-3", "CON-1");
    }

    // --- composing projects with known scores --------------------------------------------------

    /** The lead of {@code candidate} over the other candidate (negative when it trails). */
    private static int lead(Decision decision, String candidate) {
        int own = decision.scores().get(candidate);
        int best = decision.scores().entrySet().stream().filter(entry -> !entry.getKey().equals(candidate))
                .mapToInt(Map.Entry::getValue).max().orElse(0);
        return own - best;
    }

    /** A project whose {@code leader} scores exactly {@code lead} points more than the other candidate. */
    private static Project projectWithLead(String leader, int lead) {
        List<Contribution> leading = leader.equals("nodejs") ? NODEJS_POINTS : PYTHON_POINTS;
        List<Contribution> trailing = leader.equals("nodejs") ? PYTHON_POINTS : NODEJS_POINTS;
        for (int trailingPoints = Math.max(0, -lead); trailingPoints <= total(trailing); trailingPoints++) {
            List<Contribution> forTrailing = subsetSumming(trailing, trailingPoints);
            List<Contribution> forLeading = subsetSumming(leading, trailingPoints + lead);
            if (forTrailing != null && forLeading != null) {
                Project.Builder project = Project.builder(leader + " leads by " + lead);
                forLeading.forEach(contribution -> contribution.addTo().apply(project));
                forTrailing.forEach(contribution -> contribution.addTo().apply(project));
                return project.build();
            }
        }
        throw new IllegalStateException("no composed project gives " + leader + " a lead of " + lead
                + " points; extend NODEJS_POINTS or PYTHON_POINTS for this margin");
    }

    private static int total(List<Contribution> pool) {
        return pool.stream().mapToInt(Contribution::points).sum();
    }

    /** The first subset of the pool whose points sum to {@code points}, or null. */
    private static List<Contribution> subsetSumming(List<Contribution> pool, int points) {
        if (points < 0) {
            return null;
        }
        for (int mask = 0; mask < 1 << pool.size(); mask++) {
            List<Contribution> subset = new ArrayList<>();
            int sum = 0;
            for (int i = 0; i < pool.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(pool.get(i));
                    sum += pool.get(i).points();
                }
            }
            if (sum == points) {
                return subset;
            }
        }
        return null;
    }
}
