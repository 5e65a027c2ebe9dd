package org.stackadvisor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stackadvisor.internal.facts.Caveat;
import org.stackadvisor.internal.facts.ClaimWeights;
import org.stackadvisor.internal.facts.Evidence;
import org.stackadvisor.internal.facts.Tension;
import org.stackadvisor.internal.facts.Term;

/**
 * The bundled rule base's decision written by hand in plain Java: the physical floor for this
 * logic. It derives the same evidence (one per candidate and claim, merged by equality as truth
 * maintenance merges it), the same caveats and tensions, scores and verdict as the rules;
 * {@link BenchExamples} checks that for every example before any benchmark runs. It knows the
 * bundled rules only, and must change with them.
 *
 * <p>Like the rules, it states no weight: each claim's weight and the claim it restates come from
 * the manifest ({@link ClaimWeights}, as the scoring rule reads them), and a candidate's score is
 * one vote per signal, worth the weight of its strongest claim supported.
 */
final class HandWrittenDecision {
    final String verdict;
    final Map<String, Integer> scores;
    final Set<Evidence> evidence;
    final Set<Caveat> caveats;
    final Set<Tension> tensions;

    private HandWrittenDecision(String verdict, Map<String, Integer> scores, Set<Evidence> evidence, Set<Caveat> caveats,
            Set<Tension> tensions) {
        this.verdict = verdict;
        this.scores = scores;
        this.evidence = evidence;
        this.caveats = caveats;
        this.tensions = tensions;
    }

    private static final String NODE = "nodejs";
    private static final String PYTHON = "python";
    private static final String FLC_T_TEXT = "Libraries of this ecosystem serve the project, which makes this stack the easier one";
    private static final String LC_1_TEXT = "JavaScript developers find Node.js easy, and one language can serve front end and back end";
    private static final String SC_3_TEXT = "Python has tools for data migrations and data streaming, and scales well in code complexity";
    private static final String UC_3_TEXT = "Real-time, data-heavy web work such as chat or streaming suits Node.js's asynchronous model";

    /**
     * Decides from the input terms and the catalogue's ecosystem for each library the vocabulary
     * does not name; candidates in manifest order, the claims' weights and the margin from the manifest.
     */
    static HandWrittenDecision decide(List<Term> input, Map<String, String> catalogued, List<String> candidates, ClaimWeights weights,
            int margin) {
        Map<String, Set<String>> terms = new HashMap<>();
        for (Term term : input) {
            terms.computeIfAbsent(term.getField(), field -> new HashSet<>(4)).add(term.getValue());
        }
        Set<String> traits = values(terms, "traits");
        Set<String> needs = values(terms, "needs");
        Set<String> libraries = values(terms, "libraries");
        Set<String> skills = values(terms, "team.skills");
        Set<String> size = values(terms, "systemSize");
        Set<String> data = values(terms, "dataVolume");
        Set<String> experience = values(terms, "team.experience");
        Set<String> domain = values(terms, "domain");

        // Classification (classification.drl).
        boolean realTime = traits.contains("real-time") || traits.contains("chat") || traits.contains("streaming");
        boolean newcomers = experience.contains("new");
        boolean javascriptTeam = skills.contains("javascript");
        boolean asyncTeam = skills.contains("async");
        boolean mustScale = size.contains("medium") || size.contains("large") || traits.contains("high-load");
        boolean largeData = data.contains("large") || data.contains("huge");
        boolean complex = traits.contains("complex-problem");

        Set<Evidence> evidence = new LinkedHashSet<>();
        Set<Caveat> caveats = new LinkedHashSet<>();
        Set<Tension> tensions = new LinkedHashSet<>(2);
        Set<String> fits = new HashSet<>(2);

        // Backstory.
        if (realTime) {
            evidence.add(new Evidence(NODE, "BACK-2", "V8's speed has made Node.js a common choice for real-time servers"));
        }

        // Frameworks, libraries and community: needs, the library table, and the takeaway.
        if (needs.contains("data-analysis")) {
            fits.add(PYTHON);
            evidence.add(new Evidence(PYTHON, "FLC-2", "Data analysis is served by Python's pandas"));
        }
        if (needs.contains("image-processing")) {
            fits.add(PYTHON);
            evidence.add(new Evidence(PYTHON, "FLC-3", "Image processing is served by Python's OpenCV"));
        }
        if (needs.contains("data-visualization")) {
            fits.add(PYTHON);
            evidence.add(new Evidence(PYTHON, "FLC-4", "Charts and visual data are served by Python's matplotlib and NumPy"));
        }
        if (needs.contains("machine-learning") || needs.contains("deep-learning")) {
            fits.add(PYTHON);
            evidence.add(new Evidence(PYTHON, "FLC-5", "Learning from data is served by TensorFlow, scikit-learn and PyTorch"));
        }
        if (needs.contains("robotics")) {
            fits.add(PYTHON);
            evidence.add(new Evidence(PYTHON, "FLC-6", "Robotics on small boards such as the Raspberry Pi is usually done in Python"));
        }
        for (String library : libraries) {
            switch (library) {
                case "django":
                case "flask":
                    fits.add(PYTHON);
                    evidence.add(new Evidence(PYTHON, "FLC-1", "The project builds on " + library + ", one of Python's leading web frameworks"));
                    break;
                case "pandas":
                    fits.add(PYTHON);
                    evidence.add(new Evidence(PYTHON, "FLC-2", "The project builds on pandas, Python's data analysis library"));
                    break;
                case "opencv":
                    fits.add(PYTHON);
                    evidence.add(new Evidence(PYTHON, "FLC-3", "The project builds on opencv, Python's image processing library"));
                    break;
                case "matplotlib":
                case "numpy":
                    fits.add(PYTHON);
                    evidence.add(new Evidence(PYTHON, "FLC-4", "The project builds on " + library + ", part of Python's data visualization toolkit"));
                    break;
                case "tensorflow":
                case "scikit-learn":
                case "pytorch":
                    fits.add(PYTHON);
                    evidence.add(new Evidence(PYTHON, "FLC-5", "The project builds on " + library + ", one of Python's machine learning libraries"));
                    break;
                case "express":
                case "nest":
                case "lodash":
                    fits.add(NODE);
                    evidence.add(new Evidence(NODE, "FLC-8", "The project builds on " + library + ", one of the dependable packages of the Node.js ecosystem"));
                    break;
                default:
                    // React: the article names it for UI, not for the back end. Any other library
                    // counts under FLC-T for the ecosystem the catalogue places it in, unless ambiguous.
                    String ecosystem = catalogued.get(library);
                    if (ecosystem != null && !ecosystem.equals("ambiguous")) {
                        fits.add(ecosystem);
                    }
                    break;
            }
        }
        for (String candidate : fits) {
            evidence.add(new Evidence(candidate, "FLC-T", FLC_T_TEXT));
        }

        // Learning curve.
        if (javascriptTeam || needs.contains("one-language-stack")) {
            evidence.add(new Evidence(NODE, "LC-1", LC_1_TEXT));
        }
        if (newcomers) {
            evidence.add(new Evidence(PYTHON, "LC-2", "New developers find Node.js's built-in asynchrony harder to grasp than synchronous Python"));
            evidence.add(new Evidence(PYTHON, "LC-3", "Python, concise and well documented, is the easiest back-end language to start with"));
        }
        if (asyncTeam) {
            evidence.add(new Evidence(NODE, "LC-T1", "The team is at ease with asynchronous code, which makes Node.js the easier road"));
            if (complex && !values(terms, "team.backendExperts").contains("true")) {
                caveats.add(new Caveat("Even an async-savvy team needs back-end experts for complex problems; the facts do not show any"));
            }
        }
        if (complex) {
            caveats.add(new Caveat("Python is the easiest language to start with, but it gets harder as the problem grows complex"));
        }

        // Performance.
        if (traits.contains("fast-runtime")) {
            evidence.add(new Evidence(NODE, "PF-1", "Node.js, with V8 and an asynchronous design, is among the fastest server-side platforms"));
            caveats.add(new Caveat("Python trails Node.js only slightly on speed; recent releases made some workloads up to 50% faster"));
        }
        if (realTime) {
            evidence.add(new Evidence(NODE, "PF-T1", "For a real-time solution the article's performance advice is Node.js"));
        }
        if (traits.contains("high-load")) {
            if (realTime) {
                tensions.add(new Tension("PF-T1", "PF-T2",
                        "the article keeps its high-load advice for Python to cases that are not real-time, so real-time work stays with Node.js"));
            } else {
                evidence.add(new Evidence(PYTHON, "PF-T2", "Under high load, and with no real-time need, the article recommends Python"));
            }
        }

        // Scalability.
        if (size.contains("small") && mustScale) {
            evidence.add(new Evidence(NODE, "SC-1", "Node.js's event-driven, non-blocking I/O scales small applications efficiently"));
        }
        if (size.contains("large")) {
            caveats.add(new Caveat("The article credits Node.js with efficient scaling for smaller applications, not so much for bigger systems like this one"));
        }
        if ((experience.contains("new") || experience.contains("intermediate")) && mustScale) {
            evidence.add(new Evidence(PYTHON, "SC-2", "New and intermediate developers struggle to scale Node.js, and this system must scale"));
        }
        if (needs.contains("data-migrations") || needs.contains("data-streaming") || complex) {
            evidence.add(new Evidence(PYTHON, "SC-3", SC_3_TEXT));
        }
        if (mustScale) {
            caveats.add(new Caveat("On scalability neither stack clearly wins: Node.js scales through its architecture, Python through its tools"));
        }

        // Use cases.
        if (needs.contains("machine-learning") || needs.contains("deep-learning") || needs.contains("numerical-computation")) {
            evidence.add(new Evidence(PYTHON, "UC-1", "Python, a general-purpose language, covers this project's kind of work"));
        }
        if (domain.contains("banking") || domain.contains("insurance")) {
            evidence.add(new Evidence(PYTHON, "UC-2", "Banks and insurers tend to run Python back ends, which handle big data sets well"));
        }
        if (traits.contains("chat") || traits.contains("streaming")
                || (realTime && needs.contains("web-app") && (traits.contains("data-intensive") || largeData))) {
            evidence.add(new Evidence(NODE, "UC-3", UC_3_TEXT));
        }
        if (traits.contains("heavy-processing")) {
            caveats.add(new Caveat("The article's praise of Node.js assumes work without heavy processing; this project does heavy processing"));
        } else if (traits.contains("io-bound")) {
            evidence.add(new Evidence(NODE, "UC-4", "The work is bound by I/O rather than computation, where Node.js does well"));
        }
        if (traits.contains("memory-intensive") || traits.contains("3d-rendering")) {
            evidence.add(new Evidence(NODE, "UC-5", "Memory-hungry work such as 3D rendering is where the article prefers Node.js"));
        }
        if (size.contains("small") && traits.contains("fast-runtime")) {
            evidence.add(new Evidence(NODE, "UC-T1", "A small application that must run very fast is the article's Node.js case"));
        }
        if (size.contains("large") && largeData && traits.contains("needs-stability")) {
            evidence.add(new Evidence(PYTHON, "UC-T2", "A large system with very large data that must stay stable and consistent is the article's Python case"));
        }

        // Scoring: one vote per candidate and signal (a claim, or the claim it restates), worth the
        // weight of the strongest claim behind it.
        Map<String, Map<String, Integer>> votes = new HashMap<>(4);
        for (Evidence piece : evidence) {
            votes.computeIfAbsent(piece.getCandidate(), candidate -> new HashMap<>(8))
                    .merge(weights.signalOf(piece.getClaim()), weights.weightOf(piece.getClaim()), Math::max);
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String candidate : candidates) {
            int total = 0;
            for (int vote : votes.getOrDefault(candidate, Map.of()).values()) {
                total += vote;
            }
            scores.put(candidate, total);
        }
        return new HandWrittenDecision(verdict(scores, margin), scores, evidence, caveats, tensions);
    }

    private static String verdict(Map<String, Integer> scores, int margin) {
        for (Map.Entry<String, Integer> leader : scores.entrySet()) {
            boolean leads = true;
            for (Map.Entry<String, Integer> other : scores.entrySet()) {
                if (!other.getKey().equals(leader.getKey()) && other.getValue() > leader.getValue() - margin) {
                    leads = false;
                    break;
                }
            }
            if (leads) {
                return leader.getKey();
            }
        }
        return Decision.EITHER;
    }

    private static Set<String> values(Map<String, Set<String>> terms, String field) {
        return terms.getOrDefault(field, Set.of());
    }
}
