package org.stackadvisor.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.Project;
import org.stackadvisor.RulesCopy;
import org.stackadvisor.StackAdvisor;

/** Why-not explanations checked by hand against the rules in {@code rules/}. */
class WhyNotTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();
    private static final Project EMPTY = Project.read(Path.of("facts/almost-empty.json"));
    private static final Project LIVE_CHAT = Project.read(Path.of("facts/live-chat.json"));

    @TempDir
    Path folder;

    @Test
    void whenARuleNeedsOneFact_thenTheSingleChangeThatGivesItIsListed() {
        // when asked why the LC-3 rule did not fire for a project with no facts
        WhyNotRule why = ADVISOR.whyNotRule(EMPTY, "Newcomers learn Python most easily");

        // then a team of new developers is what it lacked, and nothing else
        assertThat(why.fired()).isFalse();
        assertThat(why.rule().claims()).containsExactly("LC-3");
        assertThat(texts(why.nearestChanges())).containsExactly("set team.experience to 'new'");
        assertThat(why.nearestChanges().alternatives().get(0).verdict()).isEqualTo("python");
    }

    @Test
    void whenARuleNeedsTwoFacts_thenThePairIsFoundAfterNoSingleChangeWas() {
        // when asked why the LC-T1 caveat (async team, complex problem, no back-end experts) did not fire
        WhyNotRule why = ADVISOR.whyNotRule(EMPTY, "Complex problems still need back-end experts on an async team");

        // then only the pair of a complex-problem trait and an async skill makes it fire
        assertThat(why.nearestChanges().pairsSearched()).isTrue();
        assertThat(texts(why.nearestChanges())).containsExactly("add 'complex-problem' to traits and add 'async' to team.skills");
        Alternative pair = why.nearestChanges().alternatives().get(0);
        assertThat(pair.changes()).extracting(FactChange::field, FactChange::op, FactChange::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("traits", FactChange.Op.ADD, "complex-problem"),
                org.assertj.core.groups.Tuple.tuple("team.skills", FactChange.Op.ADD, "async"));
        assertThat(pair.rulesStarted()).extracting(RuleReference::name)
                .contains("Complex problems still need back-end experts on an async team");
    }

    @Test
    void whenTheRuleFired_thenItSaysSoAndSearchesNothing() {
        WhyNotRule why = ADVISOR.whyNotRule(LIVE_CHAT, "Real-time work favours Node.js on performance");
        assertThat(why.fired()).isTrue();
        assertThat(why.nearestChanges().alternatives()).isEmpty();
        assertThat(why.nearestChanges().singleChangesTried()).isZero();
    }

    @Test
    void whenTheRuleIsUnknown_thenTheClosestNameIsSuggested() {
        assertThatThrownBy(() -> ADVISOR.whyNotRule(LIVE_CHAT, "Newcomer learn Python most easily"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did you mean \"Newcomers learn Python most easily\"?");
    }

    @Test
    void whenACandidateLost_thenTheGapAndTheRulesThatWouldHaveSupportedItAreGiven() {
        // given live chat with a complex problem: nodejs 10 (PF-T1 3 with BACK-2 and UC-3, UC-4 2, LC-1 1, LC-T1 2,
        // FLC-T 2 with FLC-8), python 1 (the complex problem, SC-3)
        Project complexChat = Project.parse(RulesCopy.of("facts", folder).read("live-chat.json")
                .replace("\"io-bound\"]", "\"io-bound\", \"complex-problem\"]"));
        // when asked why python lost
        WhyNotCandidate why = ADVISOR.whyNotCandidate(complexChat, "python");

        // then python is 9 behind and needs 11 to lead by the margin of 2
        assertThat(why.won()).isFalse();
        assertThat(why.gap()).isEqualTo(9);
        assertThat(why.pointsNeeded()).isEqualTo(11);
        Map<String, WhyNotCandidate.Supporter> supporters = why.supporters().stream()
                .collect(Collectors.toMap(supporter -> supporter.rule().name(), supporter -> supporter));
        // the complex problem is already counted
        assertThat(supporters.get("A complex problem favours Python, which scales well in code complexity").counted()).isTrue();
        // the web-app need is not counted: UC-1 now weighs only machine learning, deep learning and numerical work
        WhyNotCandidate.Supporter generalPurpose = supporters.get("Machine learning, deep learning and numerical computation are among Python's general-purpose uses");
        assertThat(generalPurpose.counted()).isFalse();
        assertThat(texts(generalPurpose.nearestChanges())).isNotEmpty().noneMatch(change -> change.contains("web-app"));
        // LC-2 needs a newcomer team: one change, worth LC-2's weight of 1
        WhyNotCandidate.Supporter newcomers = supporters.get("Newcomers find Node.js's asynchrony harder than synchronous Python");
        assertThat(newcomers.counted()).isFalse();
        assertThat(newcomers.weight()).isEqualTo(1);
        assertThat(newcomers.closesGap()).isFalse();
        assertThat(texts(newcomers.nearestChanges())).containsExactly("change team.experience from 'intermediate' to 'new'");
        // UC-2 needs a banking or insurance domain
        assertThat(texts(supporters.get("Banking and insurance lean to Python for large data sets").nearestChanges()))
                .containsExactly("change domain from 'retail' to 'banking'", "change domain from 'retail' to 'insurance'");
        // PF-T2 needs high load and no real-time trait: three changes (add high-load, remove real-time and chat), out of reach
        WhyNotCandidate.Supporter highLoad = supporters.get("High load without real-time needs favours Python");
        assertThat(highLoad.nearestChanges().alternatives()).isEmpty();
        assertThat(highLoad.nearestChanges().pairsSearched()).isTrue();
        assertThat(highLoad.nearestChanges().cutShort()).isFalse();
        // no rule that only gives Node.js evidence is listed, and the ones lacking come first
        assertThat(supporters).doesNotContainKey("A JavaScript team finds Node.js easy");
        assertThat(why.supporters().get(why.supporters().size() - 1).counted()).isTrue();
    }

    @Test
    void whenTheCandidateWon_thenItSaysSo() {
        WhyNotCandidate why = ADVISOR.whyNotCandidate(LIVE_CHAT, "nodejs");
        assertThat(why.won()).isTrue();
        assertThat(why.supporters()).isEmpty();
    }

    @Test
    void whenTheCandidateIsUnknown_thenTheCandidatesAreNamed() {
        assertThatThrownBy(() -> ADVISOR.whyNotCandidate(LIVE_CHAT, "pyhton"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the candidates are nodejs, python").hasMessageContaining("did you mean 'python'?");
    }

    private static List<String> texts(NearestChanges nearest) {
        return nearest.alternatives().stream().map(Alternative::text).collect(Collectors.toList());
    }
}
