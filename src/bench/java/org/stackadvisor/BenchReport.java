package org.stackadvisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's JSON results and prints each benchmark's throughput and the cost ratios the
 * performance targets are stated in. A cost ratio x/y is how many times longer one x takes than
 * one y, measured in the same run: throughput(y) / throughput(x).
 *
 * <p>{@code java org.stackadvisor.BenchReport target/bench/decision.json}
 */
public final class BenchReport {
    private BenchReport() {
    }

    public static void main(String[] args) throws Exception {
        for (String file : args) {
            JsonNode results = new ObjectMapper().readTree(new File(file));
            Map<String, double[]> scores = new LinkedHashMap<>();
            List<String> rows = new ArrayList<>();
            for (JsonNode result : results) {
                String name = result.get("benchmark").asText();
                name = name.substring(name.lastIndexOf('.') + 1);
                StringBuilder params = new StringBuilder();
                if (result.has("params")) {
                    result.get("params").fields().forEachRemaining(param ->
                            params.append(params.length() == 0 ? "" : ",").append(param.getKey()).append('=').append(param.getValue().asText()));
                }
                String key = params.length() == 0 ? name : name + "[" + params + "]";
                JsonNode metric = result.get("primaryMetric");
                double score = metric.get("score").asDouble();
                double error = metric.get("scoreError").isNumber() ? metric.get("scoreError").asDouble() : Double.NaN;
                scores.put(key, new double[] {score, error});
                rows.add(String.format("  %-58s %14.1f ops/s  +- %5.1f%%  %10.2f us/op", key, score,
                        Double.isNaN(error) ? 0 : 100 * error / score, 1e6 / score));
            }
            System.out.println(file + " (threads: " + results.get(0).get("threads").asInt() + ", forks: "
                    + results.get(0).get("forks").asInt() + ")");
            rows.forEach(System.out::println);
            decisionRatios(scores);
            scalingRatios(scores);
        }
    }

    private static void decisionRatios(Map<String, double[]> scores) {
        double[] a = scores.get("a_handWrittenJava");
        double[] b = scores.get("b_rawDrools");
        double[] c = scores.get("c_tracedDecide");
        double[] c2 = scores.get("c2_tracedRunOnly");
        double[] c3 = scores.get("c3_decideAndReadProofs");
        double[] d = scores.get("d_renderJson");
        double[] e = scores.get("e_decideAndRobustness");
        if (b == null || c == null) {
            return;
        }
        System.out.println("  ratios (cost of one, side by side in this run):");
        System.out.println(String.format("    c/b  traced decide / raw Drools        %8.2fx   target <= 1.5x: %s",
                b[0] / c[0], b[0] / c[0] <= 1.5 ? "met" : "MISSED"));
        if (e != null) {
            System.out.println(String.format("    e/c  decide + robustness / decide     %8.2fx   target <= 1.10x: %s",
                    c[0] / e[0], c[0] / e[0] <= 1.10 ? "met" : "MISSED"));
        }
        if (c3 != null) {
            System.out.println(String.format("    c3/b decide, every proof read / raw   %8.2fx", b[0] / c3[0]));
        }
        if (c2 != null) {
            System.out.println(String.format("    c2/b traced run only / raw Drools     %8.2fx", b[0] / c2[0]));
        }
        if (a != null) {
            System.out.println(String.format("    b/a  raw Drools / hand-written Java   %8.2fx", a[0] / b[0]));
            System.out.println(String.format("    c/a  traced decide / hand-written     %8.2fx", a[0] / c[0]));
        }
        if (d != null) {
            System.out.println(String.format("    d/c  JSON rendering / traced decide   %8.2fx", c[0] / d[0]));
        }
        System.out.println(String.format("    traced decisions per second per core  %10.0f     target >= 40,000: %s",
                c[0], c[0] >= 40_000 ? "met" : "MISSED"));
    }

    private static void scalingRatios(Map<String, double[]> scores) {
        Map<String, Double> smallest = new LinkedHashMap<>();
        Map<String, Integer> smallestRules = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> entry : scores.entrySet()) {
            String key = entry.getKey();
            int rules = intParam(key, "rules");
            if (rules < 0) {
                continue;
            }
            String series = key.replaceAll("rules=\\d+,?", "");
            if (!smallestRules.containsKey(series) || rules < smallestRules.get(series)) {
                smallestRules.put(series, rules);
                smallest.put(series, entry.getValue()[0]);
            }
        }
        if (smallest.isEmpty()) {
            return;
        }
        System.out.println("  cost relative to the smallest rule base of the same series:");
        for (Map.Entry<String, double[]> entry : scores.entrySet()) {
            String key = entry.getKey();
            int rules = intParam(key, "rules");
            if (rules < 0) {
                continue;
            }
            String series = key.replaceAll("rules=\\d+,?", "");
            double ratio = smallest.get(series) / entry.getValue()[0];
            System.out.println(String.format("    %-58s %8.2fx%s", key, ratio,
                    rules >= 10 * smallestRules.get(series) ? (ratio <= 3 ? "   target <= 3x: met" : "   target <= 3x: MISSED") : ""));
        }
    }

    private static int intParam(String key, String name) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(name + "=(\\d+)").matcher(key);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
