package org.stackadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackadvisor.rules.RuleTestSupport.characteristic;
import static org.stackadvisor.rules.RuleTestSupport.decide;
import static org.stackadvisor.rules.RuleTestSupport.derivedFactsOf;
import static org.stackadvisor.rules.RuleTestSupport.firedRulesOf;
import static org.stackadvisor.rules.RuleTestSupport.notWeighedOf;
import static org.stackadvisor.rules.RuleTestSupport.rulesOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;

/** The rules of {@code classification.drl}: input terms become Characteristics. */
class ClassificationRulesTest {
    private static final String FILE = "classification.drl";

    private static final String REAL_TIME = "Real-time, chat or streaming traits make real-time work";
    private static final String NEWCOMER_TEAM = "A team of new developers is a newcomer team";
    private static final String JAVASCRIPT_TEAM = "A team that writes JavaScript already knows the language of Node.js";
    private static final String ASYNC_TEAM = "A team used to asynchronous code is an async team";
    private static final String MUST_SCALE = "A medium or large system or a high load puts scaling in question";

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file
        // then every one of them is covered by this class, and no other
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(REAL_TIME, NEWCOMER_TEAM, JAVASCRIPT_TEAM, ASYNC_TEAM, MUST_SCALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"real-time", "chat", "streaming"})
    void whenTraitIsRealTimeChatOrStreaming_thenRealTimeCharacteristic(String trait) {
        // given only that trait
        Project project = Project.builder("real-time trait").traits(trait).build();
        // when
        Decision decision = decide(project);
        // then only the real-time classification fires, citing the claims that build on it
        assertThat(firedRulesOf(decision, FILE)).containsExactly(REAL_TIME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(characteristic("real-time"));
        assertThat(decision.firings()).filteredOn(firing -> firing.rule().equals(REAL_TIME))
                .allSatisfy(firing -> assertThat(firing.claims()).containsExactly("BACK-2", "PF-T1"));
    }

    @Test
    void whenRealTimeChatAndStreamingTogether_thenOneRealTimeCharacteristic() {
        // given all three real-time traits
        Project project = Project.builder("all real-time traits").traits("real-time", "chat", "streaming").build();
        // when
        Decision decision = decide(project);
        // then the equal characteristics merge into one
        assertThat(firedRulesOf(decision, FILE)).containsExactly(REAL_TIME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(characteristic("real-time"));
    }

    @Test
    void whenTraitsAreDataIntensiveAndIoBoundOnly_thenNoClassificationFires() {
        // given traits that classify nothing (near miss for real-time: data-heavy is no longer a characteristic)
        Project project = Project.builder("no real-time").traits("data-intensive", "io-bound").dataVolume("huge").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    @Test
    void whenTeamExperienceIsNew_thenNewcomerTeam() {
        // given a team of new developers
        Project project = Project.builder("new team").teamExperience("new").build();
        // when
        Decision decision = decide(project);
        // then the newcomer classification, citing the two claims that build on it
        assertThat(firedRulesOf(decision, FILE)).containsExactly(NEWCOMER_TEAM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(characteristic("newcomer-team"));
        assertThat(decision.firings()).filteredOn(firing -> firing.rule().equals(NEWCOMER_TEAM))
                .allSatisfy(firing -> assertThat(firing.claims()).containsExactly("LC-2", "LC-3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"intermediate", "expert"})
    void whenTeamExperienceIsNotNew_thenNoNewcomerTeam(String experience) {
        // given an intermediate or expert team
        Project project = Project.builder("seasoned team").teamExperience(experience).build();
        // when
        Decision decision = decide(project);
        // then nothing is classified, and with nothing to scale the experience is named as not weighed
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
        assertThat(notWeighedOf(decision)).containsExactly("team.experience " + experience);
    }

    @Test
    void whenTeamSkillsIncludeJavascript_thenJavascriptTeam() {
        // given a team that writes JavaScript
        Project project = Project.builder("js team").teamSkills("javascript").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(JAVASCRIPT_TEAM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(characteristic("javascript-team"));
    }

    @Test
    void whenTeamSkillsIncludeAsync_thenAsyncTeam() {
        // given a team used to asynchronous code
        Project project = Project.builder("async team").teamSkills("async").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(ASYNC_TEAM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(characteristic("async-team"));
    }

    @Test
    void whenTeamSkillsArePythonOnly_thenNeitherJavascriptNorAsyncTeam() {
        // given a team skilled in Python only (near miss for both skill rules)
        Project project = Project.builder("python team").teamSkills("python").build();
        // when
        Decision decision = decide(project);
        // then nothing is classified, and the reader is told the article does not weigh Python skills
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
        assertThat(notWeighedOf(decision)).containsExactly("team.skills python");
    }

    @ParameterizedTest
    @ValueSource(strings = {"medium", "large"})
    void whenSystemSizeIsMediumOrLarge_thenMustScale(String systemSize) {
        // given a medium or large system
        Project project = Project.builder("sized system").systemSize(systemSize).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(MUST_SCALE);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(characteristic("must-scale"));
    }

    @Test
    void whenTraitIsHighLoad_thenMustScale() {
        // given a high load and no system size
        Project project = Project.builder("high load").traits("high-load").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(MUST_SCALE);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(characteristic("must-scale"));
    }

    @Test
    void whenSmallSystemUnderHighLoad_thenMustScale() {
        // given a small system under high load: the load, not the size, puts scaling in question
        Project project = Project.builder("small, busy").systemSize("small").traits("high-load").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(MUST_SCALE);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(characteristic("must-scale"));
    }

    @Test
    void whenSystemSizeIsSmall_thenNoMustScale() {
        // given a small system without high load
        Project project = Project.builder("small system").systemSize("small").build();
        // when
        Decision decision = decide(project);
        // then nothing is classified, and the size alone is named as not weighed
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
        assertThat(notWeighedOf(decision)).containsExactly("systemSize small");
    }

    @Test
    void whenSystemSizeIsAbsent_thenNoMustScale() {
        // given no system size (unknown) and a huge data volume
        Project project = Project.builder("size unknown").dataVolume("huge").traits("needs-stability").build();
        // when
        Decision decision = decide(project);
        // then nothing is classified
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    @Test
    void whenNoFactsAtAll_thenNoClassificationFires() {
        // given a project with a name only
        Project project = Project.builder("nothing known").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }
}
