package org.stackadvisor.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackadvisor.Claim;
import org.stackadvisor.Decision;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.engine.RuleBase;
import org.stackadvisor.internal.engine.RuleBaseFiles;

/**
 * The rule base encodes the whole article: every signal and caveat claim is cited by a rule,
 * and fired by at least one example in {@code facts/}; every rule fires in some example.
 */
class CoverageTest {
    private static RuleBase ruleBase;
    private static List<Decision> decisions;

    @BeforeAll
    static void decideEveryExample() {
        ruleBase = RuleBase.load(RuleBaseFiles.fromDirectory(Path.of("rules")));
        StackAdvisor advisor = StackAdvisor.fromDirectory(Path.of("rules"));
        decisions = Scenario.discover(Path.of("facts")).stream()
                .map(scenario -> advisor.decide(scenario.factsFile())).collect(Collectors.toList());
    }

    @Test
    void whenTheManifestIsRead_thenItCataloguesEveryClaimOfTheArticle() {
        // given the claim IDs of the shared catalogue
        Set<String> catalogue = Set.of("BACK-1", "BACK-2", "BACK-3", "FLC-1", "FLC-2", "FLC-3", "FLC-4", "FLC-5", "FLC-6",
                "FLC-7", "FLC-8", "FLC-T", "UC-1", "UC-2", "UC-3", "UC-4", "UC-5", "UC-T1", "UC-T2", "LC-1", "LC-2", "LC-3",
                "LC-T1", "LC-T2", "SC-1", "SC-2", "SC-3", "SC-T", "PF-1", "PF-2", "PF-T1", "PF-T2", "CON-1");
        // then the manifest has them all, and no other
        assertThat(ruleBase.manifest.claims.keySet()).containsExactlyInAnyOrderElementsOf(catalogue);
    }

    @Test
    void whenRulesAreRead_thenEverySignalAndCaveatClaimIsCitedByARule() {
        Set<String> cited = ruleBase.rules.values().stream().flatMap(rule -> rule.claims.stream()).collect(Collectors.toSet());
        Set<String> mustBeCited = ruleBase.manifest.claims.values().stream().filter(Claim::mustBeEncoded)
                .map(Claim::id).collect(Collectors.toCollection(TreeSet::new));
        mustBeCited.removeAll(cited);
        assertThat(mustBeCited).as("signal and caveat claims that no rule cites").isEmpty();
    }

    @Test
    void whenRulesAreRead_thenEveryRuleCitesKnownClaimsAndASection() {
        assertThat(ruleBase.rules.values()).allSatisfy(rule -> {
            assertThat(rule.claims).as(rule.name).isNotEmpty();
            assertThat(ruleBase.manifest.claims.keySet()).as(rule.name).containsAll(rule.claims);
            assertThat(rule.section).as(rule.name).isNotBlank();
        });
    }

    @Test
    void whenEveryExampleIsDecided_thenEverySignalAndCaveatClaimFiresInOne() {
        Set<String> fired = decisions.stream().flatMap(decision -> decision.firedClaims().stream()).collect(Collectors.toSet());
        Set<String> notFired = ruleBase.manifest.claims.values().stream().filter(Claim::mustBeEncoded)
                .map(Claim::id).filter(id -> !fired.contains(id)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(notFired).as("signal and caveat claims that no example in facts/ fires").isEmpty();
    }

    @Test
    void whenEveryExampleIsDecided_thenEveryRuleFiresInOne() {
        Set<String> fired = decisions.stream().flatMap(decision -> decision.firedRules().stream()).collect(Collectors.toSet());
        Set<String> notFired = new TreeSet<>(ruleBase.rules.keySet());
        notFired.removeAll(fired);
        assertThat(notFired).as("rules that no example in facts/ fires").isEmpty();
    }
}
