package org.stackadvisor.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.internal.engine.RuleBase;
import org.stackadvisor.internal.engine.RuleBaseFiles;
import org.stackadvisor.internal.vocabulary.FactsValidator;
import org.stackadvisor.internal.vocabulary.ValidFacts;

/**
 * What-if explanations checked by hand against the rules in {@code rules/}: the expected lists
 * below were worked out by reading the rules and adding up the evidence weights, with the
 * decision margin of 2.
 */
class WhatIfTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    /**
     * A project with python 9 (banking +3, robotics +3, machine learning +3) and nodejs 0. The
     * strongest single change, adding a chat or streaming trait, gives nodejs only 6 (+1 V8
     * speed, +2 real-time performance, +3 real-time data-heavy work): no single change gets the
     * lead under 2. Chat or streaming together with any other change worth 2 or more to
     * Node.js (or costing Python 2 or more) brings the lead to 1 or less: "either".
     */
    private static final Project BANKING_ROBOT = Project.builder("Banking robot that learns")
            .domain("banking").needs("robotics", "machine-learning").build();

    @Test
    void whenNothingIsKnown_thenEverySingleChangeWorthTwoPointsAltersTheVerdict() {
        // given a project with no facts: 0 to 0, "either"
        Project empty = Project.read(Path.of("facts/almost-empty.json"));

        // when asked what would change its verdict
        WhatIf whatIf = ADVISOR.whatIf(empty);

        // then exactly the single changes that give one candidate 2 or more points are listed, in vocabulary order
        assertThat(whatIf.verdict()).isEqualTo("either");
        assertThat(whatIf.search().singleChangesTried()).isEqualTo(53);
        assertThat(whatIf.search().pairsSearched()).isFalse();
        assertThat(outcomes(whatIf)).containsExactly(
                "set domain to 'banking' -> python",                 // UC-2 +3
                "set domain to 'insurance' -> python",
                "set systemSize to 'small' -> nodejs",               // SC-1 +2
                "set systemSize to 'large' -> python",               // SC-1 +2 for python
                "add 'real-time' to traits -> nodejs",               // BACK-2 +1, PF-T1 +2
                "add 'chat' to traits -> nodejs",                    // and UC-3 +3
                "add 'streaming' to traits -> nodejs",
                "add 'io-bound' to traits -> nodejs",                // UC-4 +2
                "add 'memory-intensive' to traits -> nodejs",        // UC-5 +2
                "add '3d-rendering' to traits -> nodejs",
                "add 'high-load' to traits -> python",               // PF-T2 +3
                "add 'needs-stability' to traits -> python",         // UC-T2 +2
                "add 'fast-runtime' to traits -> nodejs",            // PF-1 +2
                "add 'machine-learning' to needs -> python",         // FLC-5 +3
                "add 'deep-learning' to needs -> python",
                "add 'data-analysis' to needs -> python",            // FLC-2 +2
                "add 'image-processing' to needs -> python",         // FLC-3 +2
                "add 'data-visualization' to needs -> python",       // FLC-4 +2
                "add 'robotics' to needs -> python",                 // FLC-6 +3
                "add 'data-migrations' to needs -> python",          // SC-3 +2
                "add 'data-streaming' to needs -> python",
                "add 'one-language-stack' to needs -> nodejs",       // LC-1 +2
                "add 'django' to libraries -> python",               // FLC-1 +2, FLC-T +1
                "add 'flask' to libraries -> python",
                "add 'pandas' to libraries -> python",
                "add 'opencv' to libraries -> python",
                "add 'numpy' to libraries -> python",
                "add 'matplotlib' to libraries -> python",
                "add 'tensorflow' to libraries -> python",
                "add 'scikit-learn' to libraries -> python",
                "add 'pytorch' to libraries -> python",
                "add 'express' to libraries -> nodejs",              // FLC-8 +2, FLC-T +1
                "add 'nest' to libraries -> nodejs",
                "add 'lodash' to libraries -> nodejs",
                "add 'react' to libraries -> nodejs",
                "add 'javascript' to team.skills -> nodejs",         // LC-1 +2
                "add 'async' to team.skills -> nodejs",              // LC-T1 +2
                "set team.experience to 'new' -> python");           // LC-2 +3, LC-3 +1
    }

    @Test
    void whenTheLeadIsThreePoints_thenOnlyChangesThatCutItBelowTheMarginAreListed() {
        // given the newcomer portal: python 5 (LC-2 +3, LC-3 +1, web-app +1) against nodejs 2 (small system)
        Project portal = Project.read(Path.of("facts/newcomer-team-portal.json"));

        // when asked what would change its verdict
        WhatIf whatIf = ADVISOR.whatIf(portal);

        // then these 17 single changes do; removing the web-app need leaves python 4 to 2 and is not among them
        assertThat(whatIf.scores()).isEqualTo(Map.of("nodejs", 2, "python", 5));
        assertThat(outcomes(whatIf)).containsExactly(
                "add 'real-time' to traits -> either",
                "add 'chat' to traits -> nodejs",
                "add 'streaming' to traits -> nodejs",
                "add 'io-bound' to traits -> either",
                "add 'memory-intensive' to traits -> either",
                "add '3d-rendering' to traits -> either",
                "add 'fast-runtime' to traits -> nodejs",            // PF-1 +2 and UC-T1 +3 on a small system
                "add 'one-language-stack' to needs -> either",
                "add 'express' to libraries -> either",
                "add 'nest' to libraries -> either",
                "add 'lodash' to libraries -> either",
                "add 'react' to libraries -> either",
                "add 'javascript' to team.skills -> either",
                "add 'async' to team.skills -> nodejs",              // LC-2 stops (-3), LC-T1 starts (+2)
                "change team.experience from 'new' to 'intermediate' -> either",
                "change team.experience from 'new' to 'expert' -> either",
                "clear team.experience (was 'new') -> either");
        Alternative async = whatIf.entries().get(13);
        assertThat(async.scores()).isEqualTo(Map.of("nodejs", 4, "python", 2));
        assertThat(names(async.rulesStopped())).containsExactly("Newcomers without async experience find Node.js harder than Python");
        assertThat(names(async.rulesStarted())).contains("A team at home with async code finds Node.js easier",
                "Complex problems still need back-end experts on an async team");
        assertThat(async.rulesStarted().stream().filter(rule -> rule.name().startsWith("A team at home")).findFirst()
                .orElseThrow().claims()).containsExactly("LC-T1");
    }

    @Test
    void whenNoSingleChangeAltersTheVerdict_thenThePairsThatDoAreListed() {
        // when asked what would change the banking robot's verdict (python 9 to 0)
        WhatIf whatIf = ADVISOR.whatIf(BANKING_ROBOT);

        // then no single change does, and the pairs are chat or streaming with one of 15 changes worth 2 or more
        assertThat(whatIf.scores()).isEqualTo(Map.of("nodejs", 0, "python", 9));
        assertThat(whatIf.search().pairsSearched()).isTrue();
        assertThat(whatIf.search().cutShort()).isFalse();
        assertThat(whatIf.search().distance()).isEqualTo(2);
        List<String> partners = List.of("clear domain (was 'banking')", "set systemSize to 'small'", "add 'io-bound' to traits",
                "add 'memory-intensive' to traits", "add '3d-rendering' to traits", "add 'fast-runtime' to traits",
                "remove 'machine-learning' from needs", "remove 'robotics' from needs", "add 'one-language-stack' to needs",
                "add 'express' to libraries", "add 'nest' to libraries", "add 'lodash' to libraries", "add 'react' to libraries",
                "add 'javascript' to team.skills", "add 'async' to team.skills");
        assertThat(whatIf.entries()).hasSize(30).allSatisfy(entry -> {
            List<String> changes = entry.changes().stream().map(FactChange::text).collect(Collectors.toList());
            assertThat(changes).hasSize(2).containsAnyOf("add 'chat' to traits", "add 'streaming' to traits");
            assertThat(partners).containsAnyElementsOf(changes);
            assertThat(entry.verdict()).isEqualTo("either");
        });
        // chat (+6 nodejs) with express (+2, and +1 for libraries from one ecosystem): 9 to 9
        assertThat(whatIf.entries()).anySatisfy(entry -> {
            assertThat(entry.text()).isEqualTo("add 'chat' to traits and add 'express' to libraries");
            assertThat(entry.scores()).isEqualTo(Map.of("nodejs", 9, "python", 9));
        });
    }

    @Test
    void whenNoChangeOfOneOrTwoFactsAltersTheVerdict_thenEveryPairIsTriedAndNoneListed() {
        // given fraud detection, far ahead for python
        Project fraud = Project.read(Path.of("facts/ml-fraud-detection.json"));

        // when asked what would change it
        WhatIf whatIf = ADVISOR.whatIf(fraud);

        // then neither a single change nor a pair does, and the search was complete
        assertThat(whatIf.verdict()).isEqualTo("python");
        assertThat(whatIf.entries()).isEmpty();
        assertThat(whatIf.search().pairsSearched()).isTrue();
        assertThat(whatIf.search().pairsTried()).isGreaterThan(1000).isLessThan(StackAdvisor.DEFAULT_PAIR_LIMIT);
        assertThat(whatIf.search().cutShort()).isFalse();
    }

    @Test
    void whenThePairLimitIsReached_thenTheSearchSaysItWasCutShort() {
        // when the pairs are limited to 10
        WhatIf whatIf = ADVISOR.whatIf(BANKING_ROBOT, 10);

        // then 10 were tried and the result says the search stopped early
        assertThat(whatIf.search().pairsTried()).isEqualTo(10);
        assertThat(whatIf.search().cutShort()).isTrue();
        assertThat(whatIf.search().extentText()).contains("cut short at the limit of 10 pairs");
        assertThat(whatIf.entries()).allSatisfy(entry -> assertThat(entry.changes()).hasSize(2));
    }

    @Test
    void whenAnEntryIsDecidedAgain_thenItsProjectGetsTheVerdictClaimed() {
        WhatIf whatIf = ADVISOR.whatIf(BANKING_ROBOT);
        assertThat(whatIf.entries()).allSatisfy(entry -> {
            Decision again = ADVISOR.decide(entry.project());
            assertThat(again.verdict()).isEqualTo(entry.verdict());
            assertThat(again.scores()).isEqualTo(entry.scores());
        });
    }

    @Test
    void whenAskedTwice_thenTheJsonIsTheSame() {
        assertThat(ADVISOR.whatIf(BANKING_ROBOT).toJson()).isEqualTo(ADVISOR.whatIf(BANKING_ROBOT).toJson());
    }

    @Test
    void whenABooleanAndAnUnknownWordAreSet_thenTheyAreFlippedAndClearedAndOnlyKnownWordsTried() {
        // given live chat: domain "retail" (a word the rules do not know), backendExperts false
        RuleBase ruleBase = RuleBase.load(RuleBaseFiles.fromDirectory(Path.of("rules")));
        ValidFacts chat = FactsValidator.validate(Project.read(Path.of("facts/live-chat.json")), ruleBase.manifest.vocabulary);

        // when every single change is listed
        List<String> changes = FactChange.around(chat, ruleBase.manifest.vocabulary).stream().map(FactChange::text)
                .collect(Collectors.toList());

        // then the word field tries the known words and clearing, the boolean flips and clears, lists add or remove
        assertThat(changes).hasSize(3 + 3 + 4 + 12 + 11 + 13 + 3 + 3 + 2);
        assertThat(changes.subList(0, 3)).containsExactly("change domain from 'retail' to 'banking'",
                "change domain from 'retail' to 'insurance'", "clear domain (was 'retail')");
        assertThat(changes.subList(changes.size() - 2, changes.size())).containsExactly(
                "change team.backendExperts from false to true", "clear team.backendExperts (was false)");
        assertThat(changes).contains("remove 'chat' from traits", "add 'high-load' to traits", "remove 'express' from libraries",
                "change dataVolume from 'moderate' to 'small'");
        assertThat(ADVISOR.whatIf(Project.read(Path.of("facts/live-chat.json")), 0).search().singleChangesTried())
                .isEqualTo(changes.size());
    }

    @Test
    void whenThePairLimitIsNegative_thenItIsRejected() {
        assertThatThrownBy(() -> ADVISOR.whatIf(BANKING_ROBOT, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> outcomes(WhatIf whatIf) {
        return whatIf.entries().stream().map(entry -> entry.text() + " -> " + entry.verdict()).collect(Collectors.toList());
    }

    private static List<String> names(List<RuleReference> rules) {
        return rules.stream().map(RuleReference::name).collect(Collectors.toList());
    }
}
