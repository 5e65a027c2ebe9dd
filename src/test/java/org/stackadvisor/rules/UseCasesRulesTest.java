package org.stackadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackadvisor.rules.RuleTestSupport.caveat;
import static org.stackadvisor.rules.RuleTestSupport.decide;
import static org.stackadvisor.rules.RuleTestSupport.derivedFactsOf;
import static org.stackadvisor.rules.RuleTestSupport.evidence;
import static org.stackadvisor.rules.RuleTestSupport.firedRulesOf;
import static org.stackadvisor.rules.RuleTestSupport.notWeighedOf;
import static org.stackadvisor.rules.RuleTestSupport.points;
import static org.stackadvisor.rules.RuleTestSupport.rulesOf;
import static org.stackadvisor.rules.RuleTestSupport.tensionClaimsOf;
import static org.stackadvisor.rules.RuleTestSupport.vote;
import static org.stackadvisor.rules.RuleTestSupport.votesOf;
import static org.stackadvisor.rules.RuleTestSupport.weight;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;

/**
 * The rules of {@code use-cases.drl}, each against its sentence: UC-1 (general purpose: machine
 * learning, numerical computation, deep learning), UC-2 (banking and insurance), UC-3 ("real-time
 * and web-based projects that are data-intensive like chatting or streaming platforms"), UC-4 ("don't
 * require heavy processing and are good with I/O operations"), UC-5 (memory-intensive, 3D rendering),
 * UC-T1 ("small and extremely fast run-time apps") and UC-T2 ("large systems with huge datasets that
 * require stability and consistency").
 */
class UseCasesRulesTest {
    private static final String FILE = "use-cases.drl";

    private static final String GENERAL_PURPOSE =
            "Machine learning, deep learning and numerical computation are among Python's general-purpose uses";
    private static final String BANKING = "Banking and insurance lean to Python for large data sets";
    private static final String CHAT_STREAMING = "Chat and streaming platforms are the real-time data-heavy web work Node.js is best at";
    private static final String REAL_TIME_WEB_DATA = "Real-time data-intensive web work favours Node.js for its asynchronous nature";
    private static final String IO_BOUND = "I/O-bound work without heavy processing favours Node.js";
    private static final String HEAVY_PROCESSING = "Heavy processing falls outside the work the article praises Node.js for";
    private static final String MEMORY = "Memory-intensive work such as 3D rendering favours Node.js";
    private static final String SMALL_FAST = "A small application that must run very fast favours Node.js";
    private static final String LARGE_STABLE = "A large system with huge data that must stay stable favours Python";

    private static final String GENERAL_PURPOSE_TEXT = "Python, a general-purpose language, covers this project's kind of work";
    private static final String BANKING_TEXT = "Banks and insurers tend to run Python back ends, which handle big data sets well";
    private static final String REAL_TIME_WEB_DATA_TEXT =
            "Real-time, data-heavy web work such as chat or streaming suits Node.js's asynchronous model";
    private static final String IO_BOUND_TEXT = "The work is bound by I/O rather than computation, where Node.js does well";
    private static final String HEAVY_PROCESSING_TEXT =
            "The article's praise of Node.js assumes work without heavy processing; this project does heavy processing";
    private static final String MEMORY_TEXT = "Memory-hungry work such as 3D rendering is where the article prefers Node.js";
    private static final String SMALL_FAST_TEXT = "A small application that must run very fast is the article's Node.js case";
    private static final String LARGE_STABLE_TEXT =
            "A large system with very large data that must stay stable and consistent is the article's Python case";

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file; then
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(GENERAL_PURPOSE, BANKING, CHAT_STREAMING, REAL_TIME_WEB_DATA,
                IO_BOUND, HEAVY_PROCESSING, MEMORY, SMALL_FAST, LARGE_STABLE);
    }

    // --- UC-1 --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"machine-learning", "deep-learning", "numerical-computation"})
    void whenNeedIsAGeneralPurposeUse_thenPythonGeneralPurposeEvidence(String need) {
        // given one of the uses the article names for Python alone
        Project project = Project.builder("general purpose").needs(need).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(GENERAL_PURPOSE);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("python", "UC-1", GENERAL_PURPOSE_TEXT));
    }

    @Test
    void whenEveryGeneralPurposeNeed_thenUc1VotesOnce() {
        // given all three general-purpose needs
        Project project = Project.builder("all uses").needs("machine-learning", "deep-learning", "numerical-computation").build();
        // when
        Decision decision = decide(project);
        // then one UC-1 vote beside the library vote the learning needs bring (FLC-5 restating FLC-T)
        assertThat(votesOf(decision)).containsExactlyInAnyOrder(vote("python", "UC-1"), vote("python", "FLC-T", "FLC-5"));
        assertThat(decision.scores()).containsEntry("python", points("UC-1") + points("FLC-T", "FLC-5"));
    }

    @Test
    void whenNeedIsWebAppAlone_thenNoGeneralPurposeEvidenceAndTheNeedIsNotWeighed() {
        // given a web app, which the article names for both Python (UC-1) and Node.js (UC-3)
        Project project = Project.builder("web app").needs("web-app").build();
        // when
        Decision decision = decide(project);
        // then neither candidate moves, and the reader is told why
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(decision.scores()).containsEntry("nodejs", 0).containsEntry("python", 0);
        assertThat(notWeighedOf(decision)).containsExactly("needs web-app");
    }

    @Test
    void whenNeedIsDataAnalysis_thenNoGeneralPurposeEvidence() {
        // given a need the UC-1 sentence does not list (near miss)
        Project project = Project.builder("analysis").needs("data-analysis").build();
        // when
        Decision decision = decide(project);
        // then no use-case rule fires
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    // --- UC-2 --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"banking", "insurance"})
    void whenDomainIsBankingOrInsurance_thenPythonEvidence(String domain) {
        // given that domain
        Project project = Project.builder("finance").domain(domain).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(BANKING);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("python", "UC-2", BANKING_TEXT));
        assertThat(decision.scores()).containsEntry("python", weight("UC-2"));
    }

    @Test
    void whenDomainIsRetail_thenNoBankingEvidence() {
        // given another domain word (near miss)
        Project project = Project.builder("shop").domain("retail").build();
        // when
        Decision decision = decide(project);
        // then nothing fires, and the domain is named as not weighed
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
        assertThat(notWeighedOf(decision)).containsExactly("domain retail");
    }

    // --- UC-3 --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"chat", "streaming"})
    void whenChatOrStreamingAlone_thenNodejsRealTimeWebDataEvidence(String trait) {
        // given chat or streaming, the article's own examples, so real-time, web-based and data-intensive
        Project project = Project.builder("chat or streaming").traits(trait).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(CHAT_STREAMING);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "UC-3", REAL_TIME_WEB_DATA_TEXT));
    }

    @Test
    void whenChatAlone_thenNodejsGetsTheRealTimeSignalOnce() {
        // given chat alone: BACK-2, PF-T1 and UC-3 all hold, and the manifest has BACK-2 and UC-3 restate PF-T1
        Project project = Project.builder("support chat").traits("chat").build();
        // when
        Decision decision = decide(project);
        // then one Node.js vote naming all three claims, worth PF-T1's weight once, not the sum of the three
        assertThat(votesOf(decision)).containsExactly(vote("nodejs", "PF-T1", "BACK-2", "UC-3"));
        assertThat(decision.scores()).containsEntry("nodejs", weight("PF-T1")).containsEntry("python", 0);
        assertThat(weight("PF-T1")).isLessThan(weight("PF-T1") + weight("BACK-2") + weight("UC-3"));
    }

    @Test
    void whenRealTimeWebAppIsDataIntensive_thenNodejsRealTimeWebDataEvidence() {
        // given all three parts of the sentence: real-time, web-based, data-intensive
        Project project = Project.builder("live dashboard").traits("real-time", "data-intensive").needs("web-app").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(REAL_TIME_WEB_DATA);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "UC-3", REAL_TIME_WEB_DATA_TEXT));
        assertThat(votesOf(decision)).containsExactly(vote("nodejs", "PF-T1", "BACK-2", "UC-3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"large", "huge"})
    void whenRealTimeWebAppHasLargeOrHugeData_thenNodejsRealTimeWebDataEvidence(String dataVolume) {
        // given real-time web work over a large or huge data volume
        Project project = Project.builder("live feed").traits("real-time").needs("web-app").dataVolume(dataVolume).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(REAL_TIME_WEB_DATA);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "UC-3", REAL_TIME_WEB_DATA_TEXT));
    }

    @Test
    void whenRealTimeAndDataIntensiveButNotWebBased_thenNoUc3() {
        // given real-time, data-heavy work with no web app (near miss: "web-based" is part of the sentence)
        Project project = Project.builder("telemetry").traits("real-time", "data-intensive").dataVolume("huge").build();
        // when
        Decision decision = decide(project);
        // then no use-case rule fires; data-intensive and the data volume are named as not weighed
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(decision.firedClaims()).doesNotContain("UC-3");
        assertThat(notWeighedOf(decision)).containsExactlyInAnyOrder("traits data-intensive", "dataVolume huge");
    }

    @Test
    void whenRealTimeWebAppWithoutData_thenNoUc3() {
        // given real-time web work, a moderate data volume and nothing data-heavy (near miss)
        Project project = Project.builder("real-time web").traits("real-time").needs("web-app").dataVolume("moderate").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
        assertThat(notWeighedOf(decision)).containsExactlyInAnyOrder("needs web-app", "dataVolume moderate");
    }

    @Test
    void whenDataHeavyWebAppButNotRealTime_thenNoUc3() {
        // given data-heavy web work that is not real-time (near miss)
        Project project = Project.builder("batch web").traits("data-intensive").needs("web-app").dataVolume("huge").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    @Test
    void whenChatIsAlsoARealTimeDataHeavyWebApp_thenUc3CountsOnce() {
        // given every way of meeting UC-3 at once
        Project project = Project.builder("everything live").traits("real-time", "chat", "streaming", "data-intensive")
                .needs("web-app").dataVolume("huge").build();
        // when
        Decision decision = decide(project);
        // then both UC-3 rules support one piece of evidence, and the real-time signal votes once
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(CHAT_STREAMING, REAL_TIME_WEB_DATA);
        assertThat(votesOf(decision)).containsExactly(vote("nodejs", "PF-T1", "BACK-2", "UC-3"));
        assertThat(decision.conclusions("recommendation")).singleElement()
                .satisfies(shown -> assertThat(shown.rules()).contains(CHAT_STREAMING, REAL_TIME_WEB_DATA));
        assertThat(decision.scores()).containsEntry("nodejs", weight("PF-T1"));
    }

    @Test
    void whenRealTimeChatInABank_thenTheDecisionShowsTheTension() {
        // given real-time chat for a bank: UC-3 (with BACK-2, PF-T1) against UC-2
        Project project = Project.builder("bank chat").traits("chat").domain("banking").build();
        // when
        Decision decision = decide(project);
        // then both sides vote, and the tension names the claims on each side
        assertThat(votesOf(decision)).containsExactlyInAnyOrder(vote("nodejs", "PF-T1", "BACK-2", "UC-3"), vote("python", "UC-2"));
        assertThat(tensionClaimsOf(decision)).containsExactly(List.of("BACK-2", "PF-T1", "UC-2", "UC-3"));
        assertThat(decision.tensions()).singleElement()
                .satisfies(shown -> assertThat(shown.text()).startsWith("The article pulls both ways"));
    }

    // --- UC-4 --------------------------------------------------------------------------------

    @Test
    void whenIoBoundWithoutHeavyProcessing_thenNodejsIoEvidence() {
        // given I/O-bound work
        Project project = Project.builder("proxy").traits("io-bound").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(IO_BOUND);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "UC-4", IO_BOUND_TEXT));
        assertThat(decision.scores()).containsEntry("nodejs", weight("UC-4"));
    }

    @Test
    void whenIoBoundWithHeavyProcessing_thenCaveatInsteadOfIoEvidence() {
        // given I/O-bound work that also does heavy processing (near miss for UC-4 evidence)
        Project project = Project.builder("io and cpu").traits("io-bound", "heavy-processing").build();
        // when
        Decision decision = decide(project);
        // then no Node.js evidence, only the caveat
        assertThat(firedRulesOf(decision, FILE)).containsExactly(HEAVY_PROCESSING);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(caveat(HEAVY_PROCESSING_TEXT));
        assertThat(decision.scores()).containsEntry("nodejs", 0);
    }

    @Test
    void whenHeavyProcessingAlone_thenHeavyProcessingCaveat() {
        // given heavy processing without I/O-bound work
        Project project = Project.builder("number cruncher").traits("heavy-processing").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(HEAVY_PROCESSING);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(caveat(HEAVY_PROCESSING_TEXT));
    }

    @Test
    void whenNeitherIoBoundNorHeavyProcessing_thenNoUc4Rule() {
        // given memory-intensive work, neither I/O-bound nor heavy processing (near miss for both UC-4 rules)
        Project project = Project.builder("no io").traits("memory-intensive").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).doesNotContain(IO_BOUND, HEAVY_PROCESSING);
    }

    // --- UC-5 --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"memory-intensive", "3d-rendering"})
    void whenMemoryIntensiveOr3dRendering_thenNodejsMemoryEvidence(String trait) {
        // given that trait
        Project project = Project.builder("renderer").traits(trait).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(MEMORY);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "UC-5", MEMORY_TEXT));
    }

    @Test
    void whenMemoryIntensiveAnd3dRendering_thenMemoryEvidenceCountsOnce() {
        // given both memory traits
        Project project = Project.builder("3d").traits("memory-intensive", "3d-rendering").build();
        // when
        Decision decision = decide(project);
        // then one UC-5 vote
        assertThat(firedRulesOf(decision, FILE)).containsExactly(MEMORY);
        assertThat(votesOf(decision)).containsExactly(vote("nodejs", "UC-5"));
        assertThat(decision.scores()).containsEntry("nodejs", weight("UC-5"));
    }

    // --- UC-T1 -------------------------------------------------------------------------------

    @Test
    void whenSmallSystemMustRunFast_thenNodejsSmallFastEvidence() {
        // given a small system with a fast runtime
        Project project = Project.builder("small fast").systemSize("small").traits("fast-runtime").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(SMALL_FAST);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", "UC-T1", SMALL_FAST_TEXT));
    }

    @Test
    void whenFastRuntimeAndSystemSizeAbsent_thenNoSmallFastEvidence() {
        // given a fast runtime but no system size: absent means unknown, not small
        Project project = Project.builder("fast, size unknown").traits("fast-runtime").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    @Test
    void whenMediumSystemMustRunFast_thenNoSmallFastEvidence() {
        // given a medium system with a fast runtime (near miss)
        Project project = Project.builder("medium fast").systemSize("medium").traits("fast-runtime").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    @Test
    void whenSmallSystemWithoutFastRuntime_thenNoSmallFastEvidence() {
        // given a small system with no need for speed (near miss)
        Project project = Project.builder("small, not fast").systemSize("small").traits("io-bound").build();
        // when
        Decision decision = decide(project);
        // then only UC-4
        assertThat(firedRulesOf(decision, FILE)).containsExactly(IO_BOUND);
    }

    // --- UC-T2 -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"large", "huge"})
    void whenLargeSystemWithLargeOrHugeDataNeedsStability_thenPythonEvidence(String dataVolume) {
        // given all three conditions of the takeaway
        Project project = Project.builder("bank core").systemSize("large").dataVolume(dataVolume).traits("needs-stability").build();
        // when
        Decision decision = decide(project);
        // then one piece of UC-T2 evidence, worth the takeaway's weight
        assertThat(firedRulesOf(decision, FILE)).containsExactly(LARGE_STABLE);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("python", "UC-T2", LARGE_STABLE_TEXT));
        assertThat(votesOf(decision)).containsExactly(vote("python", "UC-T2"));
        assertThat(decision.scores()).containsEntry("python", weight("UC-T2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "large"})
    void whenNeedsStabilityAloneWhateverTheSize_thenNoUcT2(String systemSize) {
        // given stability without huge data (near miss: the takeaway asks for all three)
        Project project = Project.builder("stable").systemSize(systemSize).traits("needs-stability").build();
        // when
        Decision decision = decide(project);
        // then no UC-T2, and the reader is told why stability is not weighed
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(decision.scores()).containsEntry("python", 0);
        assertThat(notWeighedOf(decision)).contains("traits needs-stability");
    }

    @Test
    void whenNeedsStabilityIsTheOnlyFact_thenTheVerdictIsEither() {
        // given nothing but a need for stability
        Project project = Project.builder("stable only").traits("needs-stability").build();
        // when
        Decision decision = decide(project);
        // then stability alone gives no Python verdict
        assertThat(decision.scores()).containsEntry("nodejs", 0).containsEntry("python", 0);
        assertThat(decision.verdict()).isEqualTo(Decision.EITHER);
        assertThat(notWeighedOf(decision)).containsExactly("traits needs-stability");
    }

    @Test
    void whenLargeSystemWithHugeDataButNoStabilityNeed_thenNoUcT2() {
        // given a large system with huge data, nothing about stability (near miss)
        Project project = Project.builder("big data").systemSize("large").dataVolume("huge").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(notWeighedOf(decision)).contains("dataVolume huge");
    }

    @Test
    void whenMediumSystemWithHugeDataNeedsStability_thenNoUcT2() {
        // given a medium system (near miss: the takeaway speaks of large systems)
        Project project = Project.builder("medium core").systemSize("medium").dataVolume("huge").traits("needs-stability").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    @Test
    void whenLargeSystemWithModerateDataNeedsStability_thenNoUcT2() {
        // given a large system whose data volume is only moderate (near miss)
        Project project = Project.builder("large, moderate").systemSize("large").dataVolume("moderate").traits("needs-stability").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    @Test
    void whenLargeStableSystemWithDataVolumeAbsent_thenNoUcT2() {
        // given a large system that needs stability, data volume unknown
        Project project = Project.builder("large, unknown data").systemSize("large").traits("needs-stability").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
    }
}
