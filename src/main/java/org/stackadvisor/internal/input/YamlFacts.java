package org.stackadvisor.internal.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * YAML facts through Jackson's YAML module: the same token stream as JSON, so the same reader,
 * checks, positions and canonical facts apply. Only {@code true} and {@code false} are booleans
 * (YAML 1.2, not 1.1's {@code yes}, {@code no}, {@code on}, {@code off}), an empty text stays
 * text, and anchors and aliases are refused rather than expanded. This class, and with it
 * SnakeYAML, is loaded only when a YAML document is read.
 */
public final class YamlFacts {
    private YamlFacts() {
    }

    /** A factory for YAML with the given limits; SnakeYAML's own limits are set to match. */
    public static JsonFactory factory(StreamReadConstraints constraints, int maxCharacters) {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(constraints.getMaxNestingDepth() + 1);
        options.setCodePointLimit(maxCharacters);
        options.setMaxAliasesForCollections(0);
        options.setAllowDuplicateKeys(true); // the reader reports duplicates with their place
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(constraints)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .disable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .build();
    }

    /** Whether the parser stands on an alias ({@code *name}) or on a value with an anchor ({@code &name}). */
    public static boolean atAnchorOrAlias(JsonParser parser) {
        YAMLParser yaml = (YAMLParser) parser;
        return yaml.isCurrentAlias() || yaml.getCurrentAnchor() != null;
    }

    /** The 1-based line and column of a YAML syntax error: where SnakeYAML found the problem. */
    public static int[] place(JsonParseException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException) {
            MarkedYAMLException marked = (MarkedYAMLException) cause;
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            if (mark != null) {
                return new int[] {mark.getLine() + 1, mark.getColumn() + 1};
            }
        }
        JsonLocation at = e.getLocation();
        return at == null ? new int[] {0, 0} : new int[] {at.getLineNr(), at.getColumnNr()};
    }

    /** A YAML syntax error in one line: what SnakeYAML was reading and what it found there. */
    public static String describe(JsonParseException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException) {
            MarkedYAMLException marked = (MarkedYAMLException) cause;
            String problem = oneLine(marked.getProblem());
            String context = oneLine(marked.getContext());
            return context.isEmpty() ? problem : context + ": " + problem;
        }
        return oneLine(e.getOriginalMessage());
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
