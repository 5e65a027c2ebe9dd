package org.stackadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackadvisor.rules.RuleTestSupport.decide;
import static org.stackadvisor.rules.RuleTestSupport.derivedFactsOf;
import static org.stackadvisor.rules.RuleTestSupport.evidence;
import static org.stackadvisor.rules.RuleTestSupport.firedRulesOf;
import static org.stackadvisor.rules.RuleTestSupport.libraryFit;
import static org.stackadvisor.rules.RuleTestSupport.rulesOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;

/** The rules of {@code frameworks-libraries-community.drl}: libraries and needs count for an ecosystem. */
class FrameworksLibrariesCommunityRulesTest {
    private static final String FILE = "frameworks-libraries-community.drl";

    private static final String DJANGO_FLASK = "Django or Flask in the stack favours Python";
    private static final String PANDAS = "Pandas in the stack favours Python";
    private static final String OPENCV = "OpenCV in the stack favours Python";
    private static final String MATPLOTLIB_NUMPY = "Matplotlib or NumPy in the stack favours Python";
    private static final String ML_LIBRARY = "A machine learning library in the stack favours Python";
    private static final String NODE_PACKAGE = "A Node.js package in the stack favours Node.js";
    private static final String DATA_ANALYSIS = "Data analysis needs favour Python for pandas";
    private static final String IMAGE_PROCESSING = "Image processing needs favour Python for OpenCV";
    private static final String DATA_VISUALIZATION = "Data visualization needs favour Python for matplotlib and NumPy";
    private static final String LEARNING = "Machine learning or deep learning needs favour Python";
    private static final String ROBOTICS = "Robotics needs favour Python";
    private static final String ONE_ECOSYSTEM = "Libraries drawn from one ecosystem only tip the balance to it";

    private static final String ONE_ECOSYSTEM_TEXT =
            "Every library the project names comes from one ecosystem, which makes that stack the easier one";

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file; then
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(DJANGO_FLASK, PANDAS, OPENCV, MATPLOTLIB_NUMPY, ML_LIBRARY,
                NODE_PACKAGE, DATA_ANALYSIS, IMAGE_PROCESSING, DATA_VISUALIZATION, LEARNING, ROBOTICS, ONE_ECOSYSTEM);
    }

    // --- libraries ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"django", "flask"})
    void whenLibraryIsDjangoOrFlask_thenPythonEvidenceAndOneEcosystemBonus(String library) {
        // given that one web framework
        Project project = Project.builder("python web").libraries(library).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(DJANGO_FLASK, ONE_ECOSYSTEM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                libraryFit(library, "python"),
                evidence("python", 2, "The project builds on " + library + ", one of Python's leading web frameworks"),
                evidence("python", 1, ONE_ECOSYSTEM_TEXT));
    }

    @Test
    void whenLibrariesAreDjangoAndFlask_thenEachCountsAndTheBonusOnce() {
        // given both Python web frameworks
        Project project = Project.builder("two frameworks").libraries("django", "flask").build();
        // when
        Decision decision = decide(project);
        // then two library evidences and a single one-ecosystem bonus: 2 + 2 + 1
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(DJANGO_FLASK, ONE_ECOSYSTEM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                libraryFit("django", "python"),
                libraryFit("flask", "python"),
                evidence("python", 2, "The project builds on django, one of Python's leading web frameworks"),
                evidence("python", 2, "The project builds on flask, one of Python's leading web frameworks"),
                evidence("python", 1, ONE_ECOSYSTEM_TEXT));
        assertThat(decision.scores()).containsEntry("python", 5).containsEntry("nodejs", 0);
    }

    @Test
    void whenLibraryIsPandas_thenPythonEvidence() {
        // given pandas
        Project project = Project.builder("pandas").libraries("pandas").build();
        // when
        Decision decision = decide(project);
        // then the library rule fires, the need rule does not
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(PANDAS, ONE_ECOSYSTEM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                libraryFit("pandas", "python"),
                evidence("python", 2, "The project builds on pandas, Python's data analysis library"),
                evidence("python", 1, ONE_ECOSYSTEM_TEXT));
    }

    @Test
    void whenLibraryIsOpencv_thenPythonEvidence() {
        // given OpenCV
        Project project = Project.builder("opencv").libraries("opencv").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(OPENCV, ONE_ECOSYSTEM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                libraryFit("opencv", "python"),
                evidence("python", 2, "The project builds on OpenCV, Python's image processing library"),
                evidence("python", 1, ONE_ECOSYSTEM_TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"matplotlib", "numpy"})
    void whenLibraryIsMatplotlibOrNumpy_thenPythonEvidence(String library) {
        // given a data visualization library
        Project project = Project.builder("charts").libraries(library).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(MATPLOTLIB_NUMPY, ONE_ECOSYSTEM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                libraryFit(library, "python"),
                evidence("python", 2, "The project builds on " + library + ", part of Python's data visualization toolkit"),
                evidence("python", 1, ONE_ECOSYSTEM_TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tensorflow", "scikit-learn", "pytorch"})
    void whenLibraryIsAMachineLearningLibrary_thenPythonEvidence(String library) {
        // given a machine learning library
        Project project = Project.builder("ml library").libraries(library).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(ML_LIBRARY, ONE_ECOSYSTEM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                libraryFit(library, "python"),
                evidence("python", 2, "The project builds on " + library + ", one of Python's machine learning libraries"),
                evidence("python", 1, ONE_ECOSYSTEM_TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"express", "nest", "lodash", "react"})
    void whenLibraryIsANodePackage_thenNodejsEvidenceAndOneEcosystemBonus(String library) {
        // given a package of the Node.js ecosystem
        Project project = Project.builder("node package").libraries(library).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(NODE_PACKAGE, ONE_ECOSYSTEM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                libraryFit(library, "nodejs"),
                evidence("nodejs", 2, "The project builds on " + library + ", one of the dependable packages of the Node.js ecosystem"),
                evidence("nodejs", 1, ONE_ECOSYSTEM_TEXT));
    }

    @Test
    void whenLibrariesComeFromBothEcosystems_thenNoOneEcosystemBonus() {
        // given a Python and a Node.js library (near miss for the one-ecosystem rule)
        Project project = Project.builder("mixed stack").libraries("django", "express").build();
        // when
        Decision decision = decide(project);
        // then both library rules fire, the bonus does not
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(DJANGO_FLASK, NODE_PACKAGE);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                libraryFit("django", "python"),
                libraryFit("express", "nodejs"),
                evidence("python", 2, "The project builds on django, one of Python's leading web frameworks"),
                evidence("nodejs", 2, "The project builds on express, one of the dependable packages of the Node.js ecosystem"));
        assertThat(decision.scores()).containsEntry("python", 2).containsEntry("nodejs", 2);
    }

    @Test
    void whenNoLibrariesButPythonSkills_thenNoLibraryRuleFires() {
        // given a Python-skilled team but no libraries (near miss: skills are not libraries)
        Project project = Project.builder("no libraries").teamSkills("python").needs("web-app").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }

    // --- needs -------------------------------------------------------------------------------

    @Test
    void whenNeedIsDataAnalysis_thenPythonEvidenceWithoutLibraryFit() {
        // given a data analysis need and no library
        Project project = Project.builder("analysis").needs("data-analysis").build();
        // when
        Decision decision = decide(project);
        // then the need rule fires; the pandas library rule and the one-ecosystem bonus do not
        assertThat(firedRulesOf(decision, FILE)).containsExactly(DATA_ANALYSIS);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(
                evidence("python", 2, "Data analysis is served by Python's pandas"));
    }

    @Test
    void whenNeedIsDataAnalysisAndLibraryIsPandas_thenBothCount() {
        // given the need and the library it names
        Project project = Project.builder("analysis with pandas").needs("data-analysis").libraries("pandas").build();
        // when
        Decision decision = decide(project);
        // then need, library and bonus are separate pieces of evidence: 2 + 2 + 1
        assertThat(firedRulesOf(decision, FILE)).containsExactlyInAnyOrder(DATA_ANALYSIS, PANDAS, ONE_ECOSYSTEM);
        assertThat(derivedFactsOf(decision, FILE)).containsExactlyInAnyOrder(
                evidence("python", 2, "Data analysis is served by Python's pandas"),
                libraryFit("pandas", "python"),
                evidence("python", 2, "The project builds on pandas, Python's data analysis library"),
                evidence("python", 1, ONE_ECOSYSTEM_TEXT));
        assertThat(decision.scores()).containsEntry("python", 5);
    }

    @Test
    void whenNeedIsImageProcessing_thenPythonEvidence() {
        // given an image processing need
        Project project = Project.builder("images").needs("image-processing").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(IMAGE_PROCESSING);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(
                evidence("python", 2, "Image processing is served by Python's OpenCV"));
    }

    @Test
    void whenNeedIsDataVisualization_thenPythonEvidence() {
        // given a data visualization need
        Project project = Project.builder("charts").needs("data-visualization").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(DATA_VISUALIZATION);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(
                evidence("python", 2, "Charts and visual data are served by Python's matplotlib and NumPy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"machine-learning", "deep-learning"})
    void whenNeedIsMachineOrDeepLearning_thenPythonEvidence(String need) {
        // given a learning-from-data need
        Project project = Project.builder("learning").needs(need).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(LEARNING);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("python", 3,
                "Learning from data is a Python use case, served by TensorFlow, scikit-learn and PyTorch"));
    }

    @Test
    void whenNeedsAreMachineAndDeepLearning_thenTheLearningEvidenceCountsOnce() {
        // given both learning needs
        Project project = Project.builder("ml and dl").needs("machine-learning", "deep-learning").build();
        // when
        Decision decision = decide(project);
        // then one piece of evidence, weight 3, and a Python score of 3
        assertThat(firedRulesOf(decision, FILE)).containsExactly(LEARNING);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(evidence("python", 3,
                "Learning from data is a Python use case, served by TensorFlow, scikit-learn and PyTorch"));
        assertThat(decision.scores()).containsEntry("python", 3);
    }

    @Test
    void whenNeedIsRobotics_thenPythonEvidence() {
        // given a robotics need
        Project project = Project.builder("robot").needs("robotics").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).containsExactly(ROBOTICS);
        assertThat(derivedFactsOf(decision, FILE)).containsExactly(
                evidence("python", 3, "Robotics on small boards such as the Raspberry Pi is usually done in Python"));
    }

    @Test
    void whenNeedsAreWebAppAndNumericalComputation_thenNoFrameworkRuleFires() {
        // given needs that are use cases, not library needs (near miss for the need rules)
        Project project = Project.builder("general purpose").needs("web-app", "numerical-computation", "data-streaming").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(firedRulesOf(decision, FILE)).isEmpty();
        assertThat(derivedFactsOf(decision, FILE)).isEmpty();
    }
}
