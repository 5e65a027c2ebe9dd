package org.stackadvisor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stackadvisor.internal.facts.Caveat;
import org.stackadvisor.internal.facts.Evidence;
import org.stackadvisor.internal.facts.Term;

/**
 * The bundled rule base's decision written by hand in plain Java: the physical floor for this
 * logic. It derives the same evidence (merged by equality, as truth maintenance merges it), the
 * same caveats, scores and verdict as the rules; {@link BenchExamples} checks that for every
 * example before any benchmark runs. It knows the bundled rules only, and must change with them.
 */
final class HandWrittenDecision {
    final String verdict;
    final Map<String, Integer> scores;
    final Set<Evidence> evidence;
    final Set<Caveat> caveats;

    private HandWrittenDecision(String verdict, Map<String, Integer> scores, Set<Evidence> evidence, Set<Caveat> caveats) {
        this.verdict = verdict;
        this.scores = scores;
        this.evidence = evidence;
        this.caveats = caveats;
    }

    private static final String NODE = "nodejs";
    private static final String PYTHON = "python";

    /** Decides from the input terms; candidates in manifest order, the margin in points. */
    static HandWrittenDecision decide(List<Term> input, List<String> candidates, int margin) {
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

        boolean realTime = traits.contains("real-time") || traits.contains("chat") || traits.contains("streaming");
        boolean newcomers = experience.contains("new");
        boolean javascriptTeam = skills.contains("javascript");
        boolean asyncTeam = skills.contains("async");
        boolean mustScale = size.contains("medium") || size.contains("large") || traits.contains("high-load");
        boolean largeData = data.contains("large") || data.contains("huge");

        Set<Evidence> evidence = new LinkedHashSet<>();
        Set<Caveat> caveats = new LinkedHashSet<>();
        Set<String> fits = new HashSet<>(2);

        if (realTime) {
            evidence.add(new Evidence(NODE, 1, "V8's speed has made Node.js a common choice for real-time servers"));
        }
        for (String library : libraries) {
            switch (library) {
                case "django":
                case "flask":
                    fits.add(PYTHON);
                    evidence.add(new Evidence(PYTHON, 2, "The project builds on " + library + ", one of Python's leading web frameworks"));
                    break;
                case "pandas":
                    fits.add(PYTHON);
                    evidence.add(new Evidence(PYTHON, 2, "The project builds on pandas, Python's data analysis library"));
                    break;
                case "opencv":
                    fits.add(PYTHON);
                    evidence.add(new Evidence(PYTHON, 2, "The project builds on opencv, Python's image processing library"));
                    break;
                case "matplotlib":
                case "numpy":
                    fits.add(PYTHON);
                    evidence.add(new Evidence(PYTHON, 2, "The project builds on " + library + ", part of Python's data visualization toolkit"));
                    break;
                case "tensorflow":
                case "scikit-learn":
                case "pytorch":
                    fits.add(PYTHON);
                    evidence.add(new Evidence(PYTHON, 2, "The project builds on " + library + ", one of Python's machine learning libraries"));
                    break;
                case "express":
                case "nest":
                case "lodash":
                case "react":
                    fits.add(NODE);
                    evidence.add(new Evidence(NODE, 2, "The project builds on " + library + ", one of the dependable packages of the Node.js ecosystem"));
                    break;
                default:
                    break;
            }
        }
        if (needs.contains("data-analysis")) {
            evidence.add(new Evidence(PYTHON, 2, "Data analysis is served by Python's pandas"));
        }
        if (needs.contains("image-processing")) {
            evidence.add(new Evidence(PYTHON, 2, "Image processing is served by Python's OpenCV"));
        }
        if (needs.contains("data-visualization")) {
            evidence.add(new Evidence(PYTHON, 2, "Charts and visual data are served by Python's matplotlib and NumPy"));
        }
        if (needs.contains("machine-learning") || needs.contains("deep-learning")) {
            evidence.add(new Evidence(PYTHON, 3, "Learning from data is a Python use case, served by TensorFlow, scikit-learn and PyTorch"));
        }
        if (needs.contains("robotics")) {
            evidence.add(new Evidence(PYTHON, 3, "Robotics on small boards such as the Raspberry Pi is usually done in Python"));
        }
        if (fits.size() == 1) {
            evidence.add(new Evidence(fits.iterator().next(), 1,
                    "Every library the project names comes from one ecosystem, which makes that stack the easier one"));
        }

        if (javascriptTeam) {
            evidence.add(new Evidence(NODE, 2, "The team already writes JavaScript, so Node.js comes easily"));
        }
        if (needs.contains("one-language-stack")) {
            evidence.add(new Evidence(NODE, 2, "Node.js lets one language, JavaScript, serve both front end and back end"));
        }
        if (newcomers && !asyncTeam) {
            evidence.add(new Evidence(PYTHON, 3, "A team new to back ends and to async code will find synchronous Python easier than Node.js"));
        }
        if (newcomers) {
            evidence.add(new Evidence(PYTHON, 1, "Python, concise and well documented, is the easiest back-end language to start with"));
        }
        if (asyncTeam) {
            evidence.add(new Evidence(NODE, 2, "The team is at ease with asynchronous code, which makes Node.js the easier road"));
        }
        boolean complex = traits.contains("complex-problem");
        if (asyncTeam && complex && !values(terms, "team.backendExperts").contains("true")) {
            caveats.add(new Caveat("Even an async-savvy team needs back-end experts for complex problems; the facts do not show any"));
        }
        if (complex) {
            caveats.add(new Caveat("Python is easy to start with, but a complex problem makes either language hard"));
        }

        if (traits.contains("fast-runtime")) {
            evidence.add(new Evidence(NODE, 2, "Node.js, with V8 and an asynchronous design, is among the fastest server-side platforms"));
            caveats.add(new Caveat("Python trails Node.js only slightly on speed; recent releases made some workloads up to 50% faster"));
        }
        if (realTime) {
            evidence.add(new Evidence(NODE, 2, "For a real-time solution the article's performance advice is Node.js"));
        }
        if (traits.contains("high-load")) {
            if (realTime) {
                caveats.add(new Caveat("High load points to Python, but real-time work points to Node.js: the article pulls both ways here"));
            } else {
                evidence.add(new Evidence(PYTHON, 3, "Under high load, and with no real-time need, the article recommends Python"));
            }
        }

        if (size.contains("small")) {
            evidence.add(new Evidence(NODE, 2, "Node.js's event-driven, non-blocking I/O scales efficiently for small applications"));
        }
        if (size.contains("large")) {
            evidence.add(new Evidence(PYTHON, 2, "Node.js's efficient scaling is said to suit small applications more than big systems"));
            caveats.add(new Caveat("The article credits Node.js with efficient scaling yet doubts it for bigger systems: both readings apply here"));
        }
        if ((experience.contains("new") || experience.contains("intermediate")) && mustScale) {
            evidence.add(new Evidence(PYTHON, 2, "New and intermediate developers struggle to scale Node.js, and this system must scale"));
        }
        for (String need : needs) {
            if (need.equals("data-migrations") || need.equals("data-streaming")) {
                evidence.add(new Evidence(PYTHON, 2, "Python brings tools for " + need + " and scales well in code complexity"));
            }
            if (need.equals("web-app") || need.equals("numerical-computation")) {
                evidence.add(new Evidence(PYTHON, 1, "Python, a general-purpose language, covers " + need + " work"));
            }
        }
        if (mustScale) {
            caveats.add(new Caveat("On scalability neither stack clearly wins: Node.js scales through its architecture, Python through its tools"));
        }

        Set<String> domain = values(terms, "domain");
        if (domain.contains("banking") || domain.contains("insurance")) {
            evidence.add(new Evidence(PYTHON, 3, "Banks and insurers tend to run Python back ends, which handle big data sets well"));
        }
        if (realTime && (traits.contains("chat") || traits.contains("streaming") || traits.contains("data-intensive") || largeData)) {
            evidence.add(new Evidence(NODE, 3, "Real-time work with a lot of data, such as chat or streaming, suits Node.js's asynchronous model"));
        }
        if (traits.contains("io-bound") && !traits.contains("heavy-processing")) {
            evidence.add(new Evidence(NODE, 2, "The work is bound by I/O rather than computation, where Node.js does well"));
        }
        if (traits.contains("heavy-processing")) {
            caveats.add(new Caveat("The article's praise of Node.js assumes work without heavy processing; this project does heavy processing"));
        }
        if (traits.contains("memory-intensive") || traits.contains("3d-rendering")) {
            evidence.add(new Evidence(NODE, 2, "Memory-hungry work such as 3D rendering is where the article prefers Node.js"));
        }
        if (size.contains("small") && traits.contains("fast-runtime")) {
            evidence.add(new Evidence(NODE, 3, "A small application that must run very fast is the article's Node.js case"));
        }
        if (size.contains("large") && largeData) {
            evidence.add(new Evidence(PYTHON, 3, "A large system with very large data sets is the article's Python case"));
        }
        if (traits.contains("needs-stability")) {
            evidence.add(new Evidence(PYTHON, 2, "A system that must stay stable and consistent is part of the article's Python case"));
        }
        if (largeData) {
            evidence.add(new Evidence(PYTHON, 1, "Very large data sets are part of the article's Python case"));
        }

        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String candidate : candidates) {
            scores.put(candidate, 0);
        }
        for (Evidence piece : evidence) {
            scores.merge(piece.getCandidate(), piece.getWeight(), Integer::sum);
        }
        return new HandWrittenDecision(verdict(scores, margin), scores, evidence, caveats);
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
