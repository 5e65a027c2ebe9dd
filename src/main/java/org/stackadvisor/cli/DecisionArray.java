package org.stackadvisor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stackadvisor.Decision;
import org.stackadvisor.Problem;

/**
 * The JSON array that {@code decide --format json} prints for several files when some are invalid:
 * each decision as the contract has it, and for each invalid file, at its place, an error entry
 * {@code {"file": ..., "error": "invalid facts", "problems": [...]}} like the error records of {@code --batch}.
 */
final class DecisionArray {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The layout of the decision contract's pretty JSON: two spaces, objects and arrays alike. */
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private DecisionArray() {
    }

    /** The array of {@code outcomes}: each a {@link Decision} or a {@link DecideCommand.FileError}. */
    static String withErrors(List<Object> outcomes) {
        ArrayNode array = JSON.createArrayNode();
        try {
            for (Object outcome : outcomes) {
                if (outcome instanceof Decision) {
                    array.add(JSON.readTree(((Decision) outcome).toJsonLine()));
                } else {
                    DecideCommand.FileError error = (DecideCommand.FileError) outcome;
                    ObjectNode entry = array.addObject();
                    entry.put("file", error.file().toString());
                    entry.put("error", "invalid facts");
                    entry.set("problems", JSON.valueToTree(problemMaps(error.exception().problems(), true)));
                }
            }
            return PRETTY.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision's own JSON always reads back", e);
        }
    }

    /** Each problem as a JSON object: its line (when asked for), column, path and message. */
    static List<Map<String, Object>> problemMaps(List<Problem> problems, boolean withLine) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Problem problem : problems) {
            Map<String, Object> map = new LinkedHashMap<>();
            if (withLine) {
                map.put("line", problem.line());
            }
            map.put("column", problem.column());
            map.put("path", problem.path());
            map.put("message", problem.message());
            maps.add(map);
        }
        return maps;
    }
}
