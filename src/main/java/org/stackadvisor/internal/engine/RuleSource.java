package org.stackadvisor.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stackadvisor.internal.json.Hashing;

/**
 * The text of each rule in a DRL file, found by its {@code rule "..."} and {@code end} lines,
 * so that each rule can be hashed on its own and named with its file and line.
 */
public final class RuleSource {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"|^\\s*rule\\s+'([^']+)'|^\\s*rule\\s+(\\w+)");
    private static final Pattern RULE_END = Pattern.compile("^\\s*end\\s*$");

    public final String name;
    final String file;
    final int line;
    public final String text;

    private RuleSource(String name, String file, int line, String text) {
        this.name = name;
        this.file = file;
        this.line = line;
        this.text = text;
    }

    /** The same rule text, placed at another line of its file (a decision table's row). */
    RuleSource placedAt(int line) {
        return new RuleSource(name, file, line, text);
    }

    String sha256() {
        return Hashing.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String packageOf(String drl) {
        Matcher matcher = PACKAGE.matcher(drl);
        return matcher.find() ? matcher.group(1) : "";
    }

    public static List<RuleSource> scan(String file, String drl) {
        List<RuleSource> rules = new ArrayList<>();
        String[] lines = drl.split("\n", -1);
        String name = null;
        int start = 0;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            if (name == null) {
                Matcher matcher = RULE_START.matcher(line);
                if (matcher.find()) {
                    name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
                    start = i + 1;
                    text.setLength(0);
                }
            }
            if (name != null) {
                text.append(line).append('\n');
                if (RULE_END.matcher(line).matches()) {
                    rules.add(new RuleSource(name, file, start, text.toString()));
                    name = null;
                }
            }
        }
        return rules;
    }
}
