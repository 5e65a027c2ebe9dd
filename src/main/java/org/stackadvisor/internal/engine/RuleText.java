package org.stackadvisor.internal.engine;

import java.util.ArrayList;
import java.util.List;
import org.stackadvisor.InvalidRuleBaseException;
import org.stackadvisor.Problem;

/**
 * One unit of rule text to compile and lint: a DRL file as it is, or the DRL that Drools
 * generates from a decision table. Places in the text map back to the file an author edits:
 * a DRL line and column, or a table's row and the column of the cell that produced it.
 */
public final class RuleText {
    /** The file's path in the rule base, such as {@code use-cases.drl}. */
    final String file;
    /** How problems name the file. */
    final String displayName;
    /** The DRL that is compiled. */
    final String drl;
    private final DecisionTable table;

    private RuleText(String file, String displayName, String drl, DecisionTable table) {
        this.file = file;
        this.displayName = displayName;
        this.drl = drl;
        this.table = table;
    }

    /**
     * Every rule file of a rule base in path order. A table that cannot be read adds its problems
     * to {@code problems} and is left out.
     */
    public static List<RuleText> all(RuleBaseFiles files, List<Problem> problems) {
        List<RuleText> texts = new ArrayList<>();
        for (String path : files.files.keySet()) {
            if (path.endsWith(".drl")) {
                texts.add(new RuleText(path, files.displayName(path), files.text(path), null));
            } else if (DecisionTable.isTable(path)) {
                try {
                    DecisionTable table = DecisionTable.read(files.displayName(path), files.text(path));
                    texts.add(new RuleText(path, files.displayName(path), table.drl, table));
                } catch (InvalidRuleBaseException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        return texts;
    }

    boolean isTable() {
        return table != null;
    }

    /** The rules of the text, each placed in the file an author edits. */
    List<RuleSource> rules() {
        List<RuleSource> rules = new ArrayList<>();
        for (RuleSource rule : RuleSource.scan(file, drl)) {
            rules.add(table == null ? rule : rule.placedAt(table.rowOf(rule.name)));
        }
        return rules;
    }

    /**
     * A problem at a 1-based line and column of {@link #drl}, placed in the edited file;
     * {@code hint} is the text at fault, used to find a table's cell.
     */
    Problem problem(Problem.Severity severity, int line, int column, String hint, String message) {
        if (table == null) {
            return new Problem(severity, displayName, line, column, "", message);
        }
        int[] place = table.place(line, hint, message);
        return new Problem(severity, displayName, place[0], place[1], "", message);
    }
}
