package org.stackadvisor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stackadvisor.Conclusion;
import org.stackadvisor.Decision;

/**
 * {@code decide --batch ... --format summary}: one compact JSON line a project, under 1 KB:
 * project, verdict, scores, the claims that weighed for each candidate, the tensions (their
 * claims), and the input and rule-base hashes. A long project name is shortened to keep the line
 * short; the full decision is one {@code replay} or {@code decide} away.
 */
final class SummaryLine {
    static final int MAX_BYTES = 1024;
    private static final int MAX_PROJECT_CHARS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryLine() {
    }

    static String of(Decision decision) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("project", shortened(decision.project(), MAX_PROJECT_CHARS));
        line.put("verdict", decision.verdict());
        line.put("scores", decision.scores());
        Map<String, Set<String>> weighed = new LinkedHashMap<>();
        decision.scores().keySet().forEach(candidate -> weighed.put(candidate, new LinkedHashSet<>()));
        for (Conclusion evidence : decision.conclusions(Conclusion.RECOMMENDATION)) {
            weighed.computeIfAbsent(evidence.candidate(), candidate -> new LinkedHashSet<>()).addAll(evidence.claims());
        }
        line.put("weighed", weighed);
        List<List<String>> tensions = new ArrayList<>();
        decision.tensions().forEach(tension -> tensions.add(tension.claims()));
        line.put("tensions", tensions);
        line.put("input", "sha256:" + decision.inputSha256());
        line.put("ruleBase", "sha256:" + decision.knowledgeBaseSha256());
        String text = write(line);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            // Only a rule base with very many claims gets here: the claims are counted instead of named.
            Map<String, Integer> counts = new LinkedHashMap<>();
            weighed.forEach((candidate, claims) -> counts.put(candidate, claims.size()));
            line.put("weighed", counts);
            line.put("tensions", tensions.size());
            line.put("project", shortened(decision.project(), 40));
            text = write(line);
        }
        return text;
    }

    private static String shortened(String text, int maxCodePoints) {
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints - 1)) + "\u2026";
    }

    private static String write(Map<String, Object> line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialize", e);
        }
    }
}
