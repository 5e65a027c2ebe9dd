package org.stackadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Writes a rule base of a given number of rules in the shape of the bundled one to a folder:
 * a generated manifest (two candidates, a margin, a list vocabulary that grows with the rules,
 * a claim per hundred rules), classification rules deriving characteristics, evidence rules on
 * terms, characteristics, joins and negations, caveats, the bundled accumulate scoring rule and
 * the two decision rules. Rule {@code i} keys on term {@code i}, so a project naming {@code k}
 * terms fires about the same number of rules whatever the size of the rule base.
 */
final class GeneratedRuleBase {
    static final int TERMS_PER_FIELD = 100;
    static final int RULES_PER_FILE = 100;
    private static final String[] CANDIDATES = {"nodejs", "python"};

    private GeneratedRuleBase() {
    }

    static String field(int term) {
        return "f" + (term / TERMS_PER_FIELD);
    }

    static String value(int term) {
        return "t" + (term % TERMS_PER_FIELD);
    }

    /** Writes {@code rules} rules (at least 10) and their manifest into {@code folder}. */
    static void write(Path folder, int rules) {
        try {
            Files.createDirectories(folder);
            int generated = rules - 3;
            int fields = (generated + TERMS_PER_FIELD - 1) / TERMS_PER_FIELD;
            Files.writeString(folder.resolve("manifest.json"), manifest(fields, generated), StandardCharsets.UTF_8);
            Random random = new Random(rules);
            StringBuilder file = null;
            int fileNumber = 0;
            for (int i = 0; i < generated; i++) {
                if (i % RULES_PER_FILE == 0) {
                    if (file != null) {
                        Files.writeString(folder.resolve(String.format("generated-%03d.drl", fileNumber++)), file, StandardCharsets.UTF_8);
                    }
                    file = header();
                }
                file.append(rule(i, random));
            }
            Files.writeString(folder.resolve(String.format("generated-%03d.drl", fileNumber)), file, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("scoring-and-decision.drl"), scoringAndDecision(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a rule base of {@code rules} rules to a temporary folder, compiles it with
     * {@link StackAdvisor#fromDirectory}, tells {@code buildNanos} how long the compiling alone
     * took, and deletes the folder.
     */
    static StackAdvisor build(int rules, LongConsumer buildNanos) throws IOException {
        Path folder = Files.createTempDirectory("stack-advisor-scaling-" + rules + "-");
        try {
            write(folder, rules);
            long start = System.nanoTime();
            StackAdvisor advisor = StackAdvisor.fromDirectory(folder);
            buildNanos.accept(System.nanoTime() - start);
            return advisor;
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** A project naming {@code terms} consecutive terms of the vocabulary, spread from its start. */
    static Project project(int rules, int terms, String name) {
        int generated = rules - 3;
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (int k = 0; k < terms; k++) {
            int term = (int) ((long) k * generated / terms);
            lists.computeIfAbsent(field(term), key -> new ArrayList<>()).add(value(term));
        }
        Project.Builder builder = Project.builder(name);
        lists.forEach((field, values) -> builder.add(field, values.toArray(String[]::new)));
        return builder.build();
    }

    /** A project whose one list holds every term of the first field: as long a list as facts allow. */
    static Project longListProject(String name) {
        Project.Builder builder = Project.builder(name);
        for (int t = 0; t < TERMS_PER_FIELD; t++) {
            builder.add("f0", value(t));
        }
        return builder.build();
    }

    private static StringBuilder header() {
        return new StringBuilder("package org.stackadvisor.generated;\n\n"
                + "import org.stackadvisor.internal.facts.Term;\n"
                + "import org.stackadvisor.internal.facts.Characteristic;\n"
                + "import org.stackadvisor.internal.facts.Evidence;\n"
                + "import org.stackadvisor.internal.facts.Caveat;\n\n");
    }

    private static String rule(int i, Random random) {
        String term = "field == \"" + field(i) + "\", value == \"" + value(i) + "\"";
        String candidate = CANDIDATES[random.nextInt(CANDIDATES.length)];
        String claim = evidenceClaim(i);
        String head = "rule \"Generated rule " + i + " reads as a sentence\"\n"
                + "    @section(\"Generated " + (i / RULES_PER_FILE) + "\") @claims(\"" + (claim != null ? claim : "G-" + (i / RULES_PER_FILE)) + "\")\nwhen\n";
        String when;
        String then;
        switch (i % 10) {
            case 0:
                when = "    Term( " + term + " )\n";
                then = "    insertLogical(new Characteristic(\"c" + i + "\"));\n";
                break;
            case 1:
                when = "    Characteristic( name == \"c" + (i - 1) + "\" )\n";
                then = "    insertLogical(new Evidence(\"" + candidate + "\", \"" + claim + "\", \"Characteristic c" + (i - 1) + " counts\"));\n";
                break;
            case 2:
                when = "    $term : Term( " + term + " )\n    not Term( field == \"" + field(i) + "\", value == \"" + value(i + 1) + "\" )\n";
                then = "    insertLogical(new Evidence(\"" + candidate + "\", \"" + claim + "\", \"Term \" + $term.getValue() + \" alone counts\"));\n";
                break;
            case 3:
                when = "    Term( " + term + " )\n    Term( field == \"" + field(i - 1) + "\", value == \"" + value(i - 1) + "\" )\n";
                then = "    insertLogical(new Evidence(\"" + candidate + "\", \"" + claim + "\", \"Terms " + (i - 1) + " and " + i + " together count\"));\n";
                break;
            case 9:
                when = "    Term( " + term + " )\n";
                then = "    insertLogical(new Caveat(\"Term " + i + " comes with a caveat\"));\n";
                break;
            default:
                when = "    $term : Term( field == \"" + field(i) + "\", value in (\"" + value(i) + "\", \"no-such-term\") )\n";
                then = "    insertLogical(new Evidence(\"" + candidate + "\", \"" + claim + "\", \"Rule " + i + " counts \" + $term.getValue()));\n";
                break;
        }
        return head + when + "then\n" + then + "end\n\n";
    }

    /** The claim of a rule that inserts evidence: one claim per such rule, so that no two rules share a vote. */
    private static String evidenceClaim(int i) {
        return i % 10 == 0 || i % 10 == 9 ? null : "E-" + i;
    }

    private static String scoringAndDecision() {
        return "package org.stackadvisor.generated;\n\n"
                + "import org.stackadvisor.internal.facts.Candidate;\n"
                + "import org.stackadvisor.internal.facts.ClaimWeights;\n"
                + "import org.stackadvisor.internal.facts.DecisionMargin;\n"
                + "import org.stackadvisor.internal.facts.Evidence;\n"
                + "import org.stackadvisor.internal.facts.Score;\n"
                + "import org.stackadvisor.internal.facts.Verdict;\n\n"
                + "rule \"Each candidate scores the sum of its evidence\"\n    @section(\"Scoring\") @claims(\"G-0\")\nwhen\n"
                + "    $weights : ClaimWeights()\n    Candidate( $candidate : id )\n"
                + "    accumulate( $evidence : Evidence( candidate == $candidate );\n"
                + "                $summed : collectList( $evidence ) )\n"
                + "then\n    insertLogical(new Score($candidate, $weights.total($summed)));\nend\n\n"
                + "rule \"The candidate that leads by the margin is recommended\"\n    @section(\"Decision\") @claims(\"G-0\")\nwhen\n"
                + "    DecisionMargin( $margin : points )\n    $leader : Score( $candidate : candidate, $total : total )\n"
                + "    not Score( candidate != $candidate, total > $total - $margin )\n"
                + "then\n    insertLogical(new Verdict($candidate));\nend\n\n"
                + "rule \"Either stack will do when no candidate leads by the margin\"\n    @section(\"Decision\") @claims(\"G-0\")\nwhen\n"
                + "    DecisionMargin( $margin : points )\n    $leader : Score( $total : total )\n    not Score( total > $total )\n"
                + "    $rival : Score( this != $leader, total > $total - $margin )\n"
                + "then\n    insertLogical(new Verdict(\"either\"));\nend\n";
    }

    private static String manifest(int fields, int generated) {
        StringBuilder json = new StringBuilder("{\n  \"name\": \"generated-" + (generated + 3) + "\",\n  \"version\": \"1.0.0\",\n"
                + "  \"source\": { \"title\": \"Generated for scaling benchmarks\", \"claimCatalogue\": \"none\" },\n"
                + "  \"decision\": { \"margin\": 2 },\n"
                + "  \"candidates\": [ { \"id\": \"nodejs\", \"label\": \"Node.js\" }, { \"id\": \"python\", \"label\": \"Python\" } ],\n"
                + "  \"vocabulary\": {\n");
        for (int f = 0; f < fields; f++) {
            json.append("    \"f").append(f).append("\": { \"type\": \"list\", \"terms\": [");
            for (int t = 0; t < TERMS_PER_FIELD; t++) {
                json.append(t == 0 ? "" : ", ").append("\"t").append(t).append('"');
            }
            json.append("] }").append(f + 1 < fields ? ",\n" : "\n");
        }
        json.append("  },\n  \"claims\": [\n");
        int claims = (generated + RULES_PER_FILE - 1) / RULES_PER_FILE;
        for (int c = 0; c < claims; c++) {
            json.append("    { \"id\": \"G-").append(c).append("\", \"section\": \"Generated ").append(c)
                    .append("\", \"kind\": \"signal\", \"leans\": \"-\", \"paraphrase\": \"Generated claim ").append(c).append(".\" }")
                    .append(c + 1 < claims ? ",\n" : "");
        }
        Random random = new Random(generated);
        for (int i = 0; i < generated; i++) {
            String claim = evidenceClaim(i);
            if (claim != null) {
                json.append(",\n    { \"id\": \"").append(claim).append("\", \"section\": \"Generated\", \"kind\": \"signal\", \"leans\": \"-\", ")
                        .append("\"paraphrase\": \"Generated evidence claim.\", \"weight\": ").append(1 + random.nextInt(3))
                        .append(", \"rationale\": \"Generated weight.\" }");
            }
        }
        return json.append("\n  ]\n}\n").toString();
    }
}
