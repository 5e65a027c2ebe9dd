package org.stackadvisor.internal.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON parser's errors in sentences a user understands. Jackson names the switch that would
 * accept what it refused ({@code ALLOW_COMMENTS}, {@code ALLOW_NON_NUMERIC_NUMBERS}, ...): a user
 * of the command line has no such switch, so the message says what JSON allows instead.
 */
public final class PlainMessages {
    private static final Pattern NON_NUMBER = Pattern.compile("^Non-standard token '([^']*)'");
    private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected character \\('(.)' \\(code \\d+\\)\\)");
    /** Where Jackson's advice about a feature begins: from it to the end of the sentence goes. */
    private static final Pattern FEATURE_ADVICE = Pattern.compile(
            "\\s*[(:;]?\\s*[^():;]*(?:\\bFeature\\b|JsonReadFeature|JsonParser\\.Feature|\\bALLOW_[A-Z_]+)[^)]*\\)?");

    private PlainMessages() {
    }

    /**
     * A JSON parser's error (its first line), put plainly. {@code text} is the whole document; with
     * {@code suggestYaml}, a document that reads as a YAML mapping is named as YAML.
     */
    public static String jsonSyntax(String first, String text, boolean suggestYaml) {
        if (suggestYaml && looksLikeYaml(text)) {
            return "this looks like YAML, not JSON: name the file .yaml (or .yml) to read it as YAML";
        }
        Matcher nonNumber = NON_NUMBER.matcher(first);
        if (nonNumber.find()) {
            String token = nonNumber.group(1);
            return (token.matches("[-+]?(NaN|INF|Infinity)") ? token + " is not a number JSON allows"
                    : "'" + token + "' is not a number JSON allows")
                    + "; write digits such as 2 or 1.5, or text in double quotes";
        }
        Matcher unexpected = UNEXPECTED.matcher(first);
        String found = unexpected.find() ? unexpected.group(1) : "";
        if (first.contains("ALLOW_COMMENTS") || first.contains("ALLOW_YAML_COMMENTS") || found.equals("/") || found.equals("#")) {
            return "JSON does not allow comments; remove the comment, or write the facts as YAML (a .yaml file), where # starts one";
        }
        if (found.equals("'")) {
            return "JSON writes text and keys in double quotes (\"like this\"), not single quotes";
        }
        if (!found.isEmpty() && first.contains("was expecting double-quote to start field name")) {
            return found.equals("}") ? "JSON does not allow a comma before '}'"
                    : "JSON writes every key in double quotes, such as \"name\"";
        }
        if (found.equals("]") && first.contains("expected a valid value")) {
            return "JSON does not allow a comma before ']'";
        }
        return withoutFeatureNames(first);
    }

    /** Jackson's message without its advice to enable a parser feature. */
    static String withoutFeatureNames(String message) {
        String plain = FEATURE_ADVICE.matcher(message).replaceAll("").strip();
        return plain.isEmpty() ? "JSON does not allow this here" : plain;
    }

    /**
     * Whether a document that JSON refused reads as a YAML mapping, and does not start as JSON
     * would (with <code>{</code> or {@code [} after blank lines and {@code #} comments).
     */
    static boolean looksLikeYaml(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? text.length() : newline + 1;
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else {
                if (c == '{' || c == '[' || c == '"') {
                    return false;
                }
                break;
            }
        }
        if (i >= text.length()) {
            return false;
        }
        try (JsonParser parser = Yaml.FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A YAML factory for telling YAML apart, made when JSON first fails: Jackson's default limits. */
    private static final class Yaml {
        static final JsonFactory FACTORY = YamlFacts.factory(StreamReadConstraints.defaults(), Integer.MAX_VALUE);
    }
}
