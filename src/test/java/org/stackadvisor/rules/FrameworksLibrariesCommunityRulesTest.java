package org.stackadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackadvisor.rules.RuleTestSupport.decide;
import static org.stackadvisor.rules.RuleTestSupport.derivedFactsOf;
import static org.stackadvisor.rules.RuleTestSupport.evidence;
import static org.stackadvisor.rules.RuleTestSupport.firedRulesOf;
import static org.stackadvisor.rules.RuleTestSupport.libraryFit;
import static org.stackadvisor.rules.RuleTestSupport.notWeighedOf;
import static org.stackadvisor.rules.RuleTestSupport.points;
import static org.stackadvisor.rules.RuleTestSupport.rulesOf;
import static org.stackadvisor.rules.RuleTestSupport.tensionClaimsOf;
import static org.stackadvisor.rules.RuleTestSupport.vote;
import static org.stackadvisor.rules.RuleTestSupport.votesOf;
import static org.stackadvisor.rules.RuleTestSupport.weight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackadvisor.Decision;
import org.stackadvisor.Project;

/**
 * The rules of {@code frameworks-libraries-community.drl} and of the decision table
 * {@code library-ecosystems.csv}. FLC-1 to FLC-8 say which library each ecosystem has; the takeaway
 * FLC-T ("If you think Python has the libraries that would make your life easier, then that's the one
 * you should go for. Same with Node.js!") draws the conclusion. The manifest has FLC-1 to FLC-8 restate
 * FLC-T, so a candidate whose libraries serve the project gets one vote, however many it lists.
 */
class FrameworksLibrariesCommunityRulesTest {
    private static final String FILE = "frameworks-libraries-community.drl";
    private static final String TABLE = "library-ecosystems.csv";

    private static final Map<String, String> LIBRARY_RULES = Map.ofEntries(
            Map.entry("django", "Django in the stack favours Python"),
            Map.entry("flask", "Flask in the stack favours Python"),
            Map.entry("pandas", "Pandas in the stack favours Python"),
            Map.entry("opencv", "OpenCV in the stack favours Python"),
            Map.entry("matplotlib", "Matplotlib in the stack favours Python"),
            Map.entry("numpy", "NumPy in the stack favours Python"),
            Map.entry("tensorflow", "TensorFlow in the stack favours Python"),
            Map.entry("scikit-learn", "Scikit-learn in the stack favours Python"),
            Map.entry("pytorch", "PyTorch in the stack favours Python"),
            Map.entry("express", "Express in the stack favours Node.js"),
            Map.entry("nest", "Nest.js in the stack favours Node.js"),
            Map.entry("lodash", "Lodash in the stack favours Node.js"));
    private static final String DATA_ANALYSIS = "Data analysis needs favour Python for pandas";
    private static final String IMAGE_PROCESSING = "Image processing needs favour Python for OpenCV";
    private static final String DATA_VISUALIZATION = "Data visualization needs favour Python for matplotlib and NumPy";
    private static final String LEARNING = "Machine learning or deep learning needs favour Python for its learning libraries";
    private static final String ROBOTICS = "Robotics needs favour Python";
    private static final String ECOSYSTEM = "Libraries of an ecosystem that serve the project favour that ecosystem";
    private static final String CATALOGUED = "A catalogued library belongs to the ecosystem whose registry uses it most";

    private static final String ECOSYSTEM_TEXT = "Libraries of this ecosystem serve the project, which makes this stack the easier one";

    @Test
    void whenTheFileIsScanned_thenItDeclaresExactlyTheRulesTestedHere() {
        // given / when the rule names declared in the DRL file and the decision table; then
        assertThat(rulesOf(FILE)).containsExactlyInAnyOrder(
                DATA_ANALYSIS, IMAGE_PROCESSING, DATA_VISUALIZATION, LEARNING, ROBOTICS, CATALOGUED, ECOSYSTEM);
        assertThat(rulesOf(TABLE)).containsExactlyInAnyOrderElementsOf(LIBRARY_RULES.values());
    }

    // --- catalogued libraries (FLC-T only) -------------------------------------------------------

    @Test
    void whenLibrariesAreCatalogued_thenEachEcosystemGetsOneFlcTVoteListingThem() {
        // given Python packages and a Node.js package that the article does not name
        Project project = Project.builder("real stack").libraries("fastapi", "sqlalchemy", "celery", "socket.io").build();
        // when
        Decision decision = decide(project);
        // then each ecosystem gets FLC-T once, never FLC-1 to FLC-8, and the pull both ways is named
        assertThat(votesOf(decision)).containsExactlyInAnyOrder(vote("python", "FLC-T"), vote("nodejs", "FLC-T"));
        assertThat(decision.scores()).containsEntry("python", weight("FLC-T")).containsEntry("nodejs", weight("FLC-T"));
        assertThat(derivedFactsOf(decision, FILE)).contains(libraryFit("fastapi", "python"), libraryFit("sqlalchemy", "python"),
                libraryFit("celery", "python"), libraryFit("socket.io", "nodejs"));
        assertThat(tensionClaimsOf(decision)).containsExactly(List.of("FLC-T"));
        assertThat(decision.verdict()).isEqualTo(Decision.EITHER);
    }

    @Test
    void whenALibraryIsNeitherNamedNorCatalogued_thenItIsAcceptedAndNotWeighed() {
        Decision decision = decide(Project.builder("own library").libraries("acme-internal-billing").build());
        assertThat(votesOf(decision)).isEmpty();
        assertThat(decision.notWeighed()).singleElement().satisfies(term -> {
            assertThat(term.term()).isEqualTo("acme-internal-billing");
            assertThat(term.known()).isFalse();
            assertThat(term.reason()).contains("nor its library catalogue");
        });
    }

    /** The rules of the DRL file and of the table that the decision rests on. */
    private static List<String> fired(Decision decision) {
        List<String> rules = new ArrayList<>(firedRulesOf(decision, FILE));
        rules.addAll(firedRulesOf(decision, TABLE));
        return rules;
    }

    /** The facts that the DRL file's and the table's rules derived. */
    private static List<Map<String, Object>> derived(Decision decision) {
        List<Map<String, Object>> facts = new ArrayList<>(derivedFactsOf(decision, FILE));
        facts.addAll(derivedFactsOf(decision, TABLE));
        return facts;
    }

    // --- libraries (FLC-1, FLC-2 to FLC-5, FLC-8 and FLC-T) ------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "django       | python | FLC-1 | one of Python's leading web frameworks",
        "flask        | python | FLC-1 | one of Python's leading web frameworks",
        "pandas       | python | FLC-2 | Python's data analysis library",
        "opencv       | python | FLC-3 | Python's image processing library",
        "matplotlib   | python | FLC-4 | part of Python's data visualization toolkit",
        "numpy        | python | FLC-4 | part of Python's data visualization toolkit",
        "tensorflow   | python | FLC-5 | one of Python's machine learning libraries",
        "scikit-learn | python | FLC-5 | one of Python's machine learning libraries",
        "pytorch      | python | FLC-5 | one of Python's machine learning libraries",
        "express      | nodejs | FLC-8 | one of the dependable packages of the Node.js ecosystem",
        "nest         | nodejs | FLC-8 | one of the dependable packages of the Node.js ecosystem",
        "lodash       | nodejs | FLC-8 | one of the dependable packages of the Node.js ecosystem"})
    void whenOneLibraryOfAnEcosystem_thenItsClaimAndTheTakeawayVoteOnceForIt(String library, String candidate, String claim,
            String what) {
        // given one library the article names
        Project project = Project.builder("one library").libraries(library).build();
        // when
        Decision decision = decide(project);
        // then the table row and the takeaway fire; the library's claim and FLC-T make one vote
        assertThat(fired(decision)).containsExactlyInAnyOrder(LIBRARY_RULES.get(library), ECOSYSTEM);
        assertThat(derived(decision)).containsExactlyInAnyOrder(
                libraryFit(library, candidate),
                evidence(candidate, claim, "The project builds on " + library + ", " + what),
                evidence(candidate, "FLC-T", ECOSYSTEM_TEXT));
        assertThat(votesOf(decision)).containsExactly(vote(candidate, "FLC-T", claim));
        assertThat(decision.scores()).containsEntry(candidate, points("FLC-T", claim));
        assertThat(points("FLC-T", claim)).isEqualTo(weight("FLC-T"));
    }

    @Test
    void whenLibraryIsReact_thenNothingFiresAndReactIsNotWeighed() {
        // given React, which the article names for UI, not for the back end
        Project project = Project.builder("react front end").libraries("react").build();
        // when
        Decision decision = decide(project);
        // then no rule of the section fires, no score moves, and the reader is told why
        assertThat(fired(decision)).isEmpty();
        assertThat(derived(decision)).isEmpty();
        assertThat(decision.scores()).containsEntry("nodejs", 0).containsEntry("python", 0);
        assertThat(notWeighedOf(decision)).containsExactly("libraries react");
        assertThat(decision.notWeighed()).singleElement()
                .satisfies(term -> assertThat(term.reason()).contains("UI"));
    }

    @Test
    void whenReactBesideExpress_thenOnlyExpressCounts() {
        // given React with a back-end package
        Project project = Project.builder("express and react").libraries("express", "react").build();
        // when
        Decision decision = decide(project);
        // then Node.js's vote comes from Express alone; React stays unweighed
        assertThat(fired(decision)).containsExactlyInAnyOrder(LIBRARY_RULES.get("express"), ECOSYSTEM);
        assertThat(votesOf(decision)).containsExactly(vote("nodejs", "FLC-T", "FLC-8"));
        assertThat(notWeighedOf(decision)).containsExactly("libraries react");
    }

    @Test
    void whenLibrariesAreDjangoAndFlask_thenPythonGetsOneVote() {
        // given both Python web frameworks
        Project project = Project.builder("two frameworks").libraries("django", "flask").build();
        // when
        Decision decision = decide(project);
        // then both rows fire, but FLC-1 is one claim and it restates FLC-T: one vote
        assertThat(fired(decision)).containsExactlyInAnyOrder(LIBRARY_RULES.get("django"), LIBRARY_RULES.get("flask"), ECOSYSTEM);
        assertThat(votesOf(decision)).containsExactly(vote("python", "FLC-T", "FLC-1"));
        assertThat(decision.scores()).containsEntry("python", weight("FLC-T")).containsEntry("nodejs", 0);
    }

    @Test
    void whenManyPythonLibrariesOfDifferentKinds_thenTheirScoreIsStillOneVote() {
        // given Python libraries supporting five different claims
        Project project = Project.builder("python everything")
                .libraries("django", "pandas", "opencv", "numpy", "tensorflow", "pytorch").build();
        // when
        Decision decision = decide(project);
        // then every claim is listed, but listing more libraries cannot raise the score
        assertThat(votesOf(decision)).containsExactly(vote("python", "FLC-T", "FLC-1", "FLC-2", "FLC-3", "FLC-4", "FLC-5"));
        assertThat(decision.scores()).containsEntry("python", weight("FLC-T"));
    }

    @Test
    void whenLibrariesComeFromBothEcosystems_thenEachGetsTheTakeawaysVoteAndTheTensionShows() {
        // given a Python and a Node.js library
        Project project = Project.builder("mixed stack").libraries("django", "express").build();
        // when
        Decision decision = decide(project);
        // then FLC-T votes for both, with equal weight; the verdict is either, and the tension is shown
        assertThat(fired(decision)).containsExactlyInAnyOrder(LIBRARY_RULES.get("django"), LIBRARY_RULES.get("express"), ECOSYSTEM);
        assertThat(votesOf(decision)).containsExactlyInAnyOrder(vote("python", "FLC-T", "FLC-1"), vote("nodejs", "FLC-T", "FLC-8"));
        assertThat(decision.scores()).containsEntry("python", weight("FLC-T")).containsEntry("nodejs", weight("FLC-T"));
        assertThat(decision.verdict()).isEqualTo(Decision.EITHER);
        assertThat(tensionClaimsOf(decision)).containsExactly(List.of("FLC-1", "FLC-8", "FLC-T"));
    }

    @Test
    void whenNoLibrariesButPythonSkills_thenNoLibraryRuleFires() {
        // given a Python-skilled team but no libraries (near miss: skills are not libraries)
        Project project = Project.builder("no libraries").teamSkills("python").needs("web-app").build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(fired(decision)).isEmpty();
        assertThat(derived(decision)).isEmpty();
    }

    // --- needs (FLC-2 to FLC-6 and FLC-T) ------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "data-analysis      | Data analysis needs favour Python for pandas                                    | pandas       | FLC-2 | Data analysis is served by Python's pandas",
        "image-processing   | Image processing needs favour Python for OpenCV                                 | opencv       | FLC-3 | Image processing is served by Python's OpenCV",
        "data-visualization | Data visualization needs favour Python for matplotlib and NumPy                 | matplotlib   | FLC-4 | Charts and visual data are served by Python's matplotlib and NumPy",
        "machine-learning   | Machine learning or deep learning needs favour Python for its learning libraries | tensorflow   | FLC-5 | Learning from data is served by TensorFlow, scikit-learn and PyTorch",
        "deep-learning      | Machine learning or deep learning needs favour Python for its learning libraries | tensorflow   | FLC-5 | Learning from data is served by TensorFlow, scikit-learn and PyTorch",
        "robotics           | Robotics needs favour Python                                                    | raspberry-pi | FLC-6 | Robotics on small boards such as the Raspberry Pi is usually done in Python"})
    void whenNeedIsServedByAPythonLibrary_thenItsClaimAndTheTakeawayVoteOnceForPython(String need, String rule, String library,
            String claim, String text) {
        // given a need the article names a Python library for, and no library
        Project project = Project.builder("need").needs(need).build();
        // when
        Decision decision = decide(project);
        // then the need's rule records the library's fit, and the takeaway votes once with the claim
        assertThat(fired(decision)).containsExactlyInAnyOrder(rule, ECOSYSTEM);
        assertThat(derived(decision)).containsExactlyInAnyOrder(
                libraryFit(library, "python"), evidence("python", claim, text), evidence("python", "FLC-T", ECOSYSTEM_TEXT));
        assertThat(votesOf(decision)).contains(vote("python", "FLC-T", claim));
    }

    @Test
    void whenNeedIsMachineLearningWithThreeLearningLibraries_thenTheLibrarySignalVotesOnce() {
        // given the machine-learning need and the three libraries the article names for it
        Project withLibraries = Project.builder("ml stack").needs("machine-learning")
                .libraries("tensorflow", "scikit-learn", "pytorch").build();
        Project needAlone = Project.builder("ml").needs("machine-learning").build();
        // when
        Decision decision = decide(withLibraries);
        // then one FLC vote (beside UC-1's general-purpose vote), and the libraries add nothing to the need alone
        assertThat(fired(decision)).containsExactlyInAnyOrder(LEARNING, LIBRARY_RULES.get("tensorflow"),
                LIBRARY_RULES.get("scikit-learn"), LIBRARY_RULES.get("pytorch"), ECOSYSTEM);
        assertThat(votesOf(decision)).containsExactlyInAnyOrder(vote("python", "FLC-T", "FLC-5"), vote("python", "UC-1"));
        assertThat(decision.scores()).containsEntry("python", points("FLC-T", "FLC-5") + points("UC-1"));
        assertThat(decision.scores()).isEqualTo(decide(needAlone).scores());
    }

    @Test
    void whenNeedIsDataAnalysisAndLibraryIsPandas_thenOneVote() {
        // given the need and the library it names
        Project project = Project.builder("analysis with pandas").needs("data-analysis").libraries("pandas").build();
        // when
        Decision decision = decide(project);
        // then the need rule, the table row and the takeaway all support one vote
        assertThat(fired(decision)).containsExactlyInAnyOrder(DATA_ANALYSIS, LIBRARY_RULES.get("pandas"), ECOSYSTEM);
        assertThat(votesOf(decision)).containsExactly(vote("python", "FLC-T", "FLC-2"));
        assertThat(decision.scores()).containsEntry("python", weight("FLC-T"));
    }

    @Test
    void whenSeveralLibraryNeeds_thenPythonStillGetsOneLibraryVote() {
        // given robotics, image processing and data analysis: three claims that restate FLC-T
        Project project = Project.builder("vision robot").needs("robotics", "image-processing", "data-analysis").build();
        // when
        Decision decision = decide(project);
        // then one vote naming every claim, worth FLC-T's weight once
        assertThat(votesOf(decision)).containsExactly(vote("python", "FLC-T", "FLC-6", "FLC-3", "FLC-2"));
        assertThat(decision.scores()).containsEntry("python", weight("FLC-T"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-app", "numerical-computation", "data-streaming", "one-language-stack"})
    void whenNeedNamesNoLibrary_thenNoFrameworkRuleFires(String need) {
        // given a need the article names no library for (near miss for the need rules)
        Project project = Project.builder("no library need").needs(need).build();
        // when
        Decision decision = decide(project);
        // then
        assertThat(fired(decision)).isEmpty();
        assertThat(derived(decision)).isEmpty();
    }
}
