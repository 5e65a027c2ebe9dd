package org.stackadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackadvisor.rules.RuleTestSupport.caveat;
import static org.stackadvisor.rules.RuleTestSupport.decide;
import static org.stackadvisor.rules.RuleTestSupport.derivedFactsOf;
import static org.stackadvisor.rules.RuleTestSupport.evidence;
import static org.stackadvisor.rules.RuleTestSupport.firedRulesOf;
import static org.stackadvisor.rules.RuleTestSupport.rulesOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;

/** The rules of {@code use-cases.drl}. */
class UseCasesRulesTest {
    private static final String FILE = "use-cases.drl";

    private static final String GENERAL_PURPOSE = "Web apps and numerical computation are among Python's general-purpose uses";
    private static final String BANKING = "Banking and insurance lean to Python for large data sets";
    private static final String REAL_TIME_DATA = "Real-time data-heavy web work favours Node.js for its asynchronous nature";
    private static final String IO_BOUND = "I/O-bound work without heavy processing favours Node.js";
    private static final String HEAVY_PROCESSING = "Heavy processing falls outside the work the article praises Node.js for";
    private static final String MEMORY = "Memory-intensive work such as 3D rendering favours Node.js";
    private static final String SMALL_FAST = "A small application that must run very fast favours Node.js";
    private static final String LARGE_DATA = "A large system with a lot of data favours Python";
    private static final String STABLE = "A need for stability and consistency favours Python";
    private static final String LARGE_VOLUME = "Large or huge data sets lean to Python";

    private static final String REAL_TIME_DATA_TEXT =
            "Real-time work with a lot of data, such as chat or streaming, suits Node.js's asynchronous model";
    private static final String IO_BOUND_TEXT = "The work is bound by I/O rather than computation, where Node.js does well";
    private static final String HEAVY_PROCESSING_TEXT =
            "The article's praise of Node.js assumes work without heavy processing; this project does heavy processing";
    private static final String MEMORY_TEXT = "Memory-hungry work such as 3D rendering is where the article prefers Node.js";
    private static final String LARGE_VOLUME_TEXT = "Very large data sets are part of the article's Python case";
    private static final String STABLE_TEXT = "A system that must stay stable and consistent is part of the article's Python case";

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file; then
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(GENERAL_PURPOSE, BANKING, REAL_TIME_DATA, IO_BOUND,
                HEAVY_PROCESSING, MEMORY, SMALL_FAST, LARGE_DATA, STABLE, LARGE_VOLUME);
    }

    // --- UC-1 --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"web-app", "numerical-computation"})
    void whenNeedIsWebAppOrNumericalComputation_thenPythonGeneralPurposeEvidence(String need) {
        // given that need
        Project project = Project.builder("general purpose").needs(need).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(GENERAL_PURPOSE);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(
                evidence("python", 1, "Python, a general-purpose language, covers " + need + " work"));
    }

    @Test
    void whenNeedsAreWebAppAndNumericalComputation_thenEachCounts() {
        // given both general-purpose needs
        Project project = Project.builder("both uses").needs("web-app", "numerical-computation").build();
        // when
        Decision decision = decide(project);
        // then two pieces of evidence
        assertThat(firedRulesOf(decision, FILE)).containsExactly(GENERAL_PURPOSE);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("python", 1, "Python, a general-purpose language, covers web-app work"),
                evidence("python", 1, "Python, a general-purpose language, covers numerical-computation work"));
    }

    @Test
    void whenNeedIsDataAnalysis_thenNoGeneralPurposeEvidence() {
        // given a need the UC-1 rule does not list (near miss)
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
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(
                evidence("python", 3, "Banks and insurers tend to run Python back ends, which handle big data sets well"));
    }

    @Test
    void whenDomainIsRetail_thenNoBankingEvidence() {
        // given another domain word (near miss)
        Project project = Project.builder("shop").domain("retail").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    // --- UC-3 --------------------------------------------------------------------------------

    @Test
    void whenRealTimeAndDataIntensive_thenNodejsRealTimeDataEvidence() {
        // given real-time, data-intensive work
        Project project = Project.builder("live dashboard").traits("real-time", "data-intensive").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(REAL_TIME_DATA);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 3, REAL_TIME_DATA_TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"large", "huge"})
    void whenRealTimeAndLargeDataVolume_thenNodejsRealTimeDataEvidence(String dataVolume) {
        // given real-time work over a large or huge data volume
        Project project = Project.builder("live feed").traits("real-time").dataVolume(dataVolume).build();
        // when
        Decision decision = decide(project);
        // then Node.js for the real-time data, and Python's nudge for the data volume
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(REAL_TIME_DATA, LARGE_VOLUME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(evidence("nodejs", 3, REAL_TIME_DATA_TEXT),
                evidence("python", 1, LARGE_VOLUME_TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat", "streaming"})
    void whenChatOrStreamingAlone_thenNodejsRealTimeDataEvidence(String trait) {
        // given chat or streaming, which is both real-time and data-heavy by the article's example
        Project project = Project.builder("chat or streaming").traits(trait).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(REAL_TIME_DATA);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 3, REAL_TIME_DATA_TEXT));
    }

    @Test
    void whenEveryRealTimeDataSignal_thenRealTimeDataEvidenceCountsOnce() {
        // given several ways of being real-time and data-heavy at once
        Project project = Project.builder("everything live").traits("real-time", "chat", "streaming", "data-intensive")
                .dataVolume("huge").build();
        // when
        Decision decision = decide(project);
        // then one piece of real-time evidence, weight 3, beside the data volume's nudge to Python
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(REAL_TIME_DATA, LARGE_VOLUME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(evidence("nodejs", 3, REAL_TIME_DATA_TEXT),
                evidence("python", 1, LARGE_VOLUME_TEXT));
    }

    @Test
    void whenRealTimeWithoutData_thenNoRealTimeDataEvidence() {
        // given real-time work, a moderate data volume and nothing data-heavy (near miss)
        Project project = Project.builder("real-time only").traits("real-time").dataVolume("moderate").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    @Test
    void whenDataHeavyButNotRealTime_thenNoRealTimeDataEvidence() {
        // given data-heavy work that is not real-time (near miss)
        Project project = Project.builder("batch").traits("data-intensive").dataVolume("huge").build();
        // when
        Decision decision = decide(project);
        // then only the data volume's nudge to Python
        assertThat(firedRulesOf(decision, FILE)).containsExactly(LARGE_VOLUME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("python", 1, LARGE_VOLUME_TEXT));
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
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 2, IO_BOUND_TEXT));
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
        // given heavy processing without I/O-bound work (the rule does not require io-bound)
        Project project = Project.builder("number cruncher").traits("heavy-processing").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(HEAVY_PROCESSING);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(caveat(HEAVY_PROCESSING_TEXT));
    }

    @Test
    void whenNeitherIoBoundNorHeavyProcessing_thenNoUc4Rule() {
        // given a complex problem, neither I/O-bound nor heavy processing (near miss for both UC-4 rules)
        Project project = Project.builder("no io").traits("complex-problem").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
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
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 2, MEMORY_TEXT));
    }

    @Test
    void whenMemoryIntensiveAnd3dRendering_thenMemoryEvidenceCountsOnce() {
        // given both memory traits
        Project project = Project.builder("3d").traits("memory-intensive", "3d-rendering").build();
        // when
        Decision decision = decide(project);
        // then one piece of evidence, a Node.js score of 2
        assertThat(firedRulesOf(decision, FILE)).containsExactly(MEMORY);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("nodejs", 2, MEMORY_TEXT));
        assertThat(decision.scores()).containsEntry("nodejs", 2);
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
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(
                evidence("nodejs", 3, "A small application that must run very fast is the article's Node.js case"));
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

    // --- UC-T2 -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"large", "huge"})
    void whenLargeSystemWithLargeOrHugeData_thenPythonLargeDataEvidence(String dataVolume) {
        // given a large system with a lot of data
        Project project = Project.builder("big data system").systemSize("large").dataVolume(dataVolume).build();
        // when
        Decision decision = decide(project);
        // then the large-system rule and the data-volume rule both count
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(LARGE_DATA, LARGE_VOLUME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("python", 3, "A large system with very large data sets is the article's Python case"),
                evidence("python", 1, LARGE_VOLUME_TEXT));
    }

    @Test
    void whenHugeDataAndSystemSizeAbsent_thenOnlyTheDataVolumeCounts() {
        // given a huge data volume but no system size (absent means unknown, so not large)
        Project project = Project.builder("data, size unknown").dataVolume("huge").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(LARGE_VOLUME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("python", 1, LARGE_VOLUME_TEXT));
    }

    @Test
    void whenMediumSystemWithHugeData_thenNoLargeSystemEvidence() {
        // given a medium system with huge data (near miss for the large-system rule)
        Project project = Project.builder("medium data").systemSize("medium").dataVolume("huge").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(LARGE_VOLUME);
    }

    @Test
    void whenLargeSystemWithModerateData_thenNoLargeDataEvidence() {
        // given a large system whose data volume is only moderate (near miss)
        Project project = Project.builder("large, moderate data").systemSize("large").dataVolume("moderate").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "medium", "large"})
    void whenStabilityIsNeeded_thenPythonStabilityEvidenceWhateverTheSize(String systemSize) {
        // given a system that must stay stable
        Project project = Project.builder("core system").systemSize(systemSize).traits("needs-stability").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(STABLE);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("python", 2, STABLE_TEXT));
    }

    @Test
    void whenLargeSystemWithHugeDataNeedsStability_thenEveryUcT2EvidenceCounts() {
        // given all UC-T2 signals
        Project project = Project.builder("bank core").systemSize("large").dataVolume("huge").traits("needs-stability").build();
        // when
        Decision decision = decide(project);
        // then three rules fire with distinct evidence
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(LARGE_DATA, STABLE, LARGE_VOLUME);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("python", 3, "A large system with very large data sets is the article's Python case"),
                evidence("python", 2, STABLE_TEXT),
                evidence("python", 1, LARGE_VOLUME_TEXT));
    }

    @Test
    void whenNothingAboutDataOrStabilityIsKnown_thenNoUcT2Rule() {
        // given a large system and nothing else (absent data volume is unknown)
        Project project = Project.builder("large, unknown data").systemSize("large").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
    }
}
