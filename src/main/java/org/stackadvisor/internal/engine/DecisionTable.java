package org.stackadvisor.internal.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.stackadvisor.InvalidRuleBaseException;
import org.stackadvisor.Problem;

/**
 * A Drools decision table in CSV ({@code *.csv} in the rules folder), turned into DRL by Drools'
 * own spreadsheet compiler. Each generated rule remembers the table row it came from, so that
 * problems and the trace name the row and the cell an author edits. The CSV path needs no
 * Apache POI at run time (only XLS would).
 *
 * <p>Why not write the table to the KieFileSystem as a {@code *.drl.csv} resource (which also
 * compiles, through the same spreadsheet compiler)? Drools would then hide the generated DRL, so
 * the rules could not be hashed one by one, linted, or placed at their rows.
 */
final class DecisionTable {
    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at ([A-Z]+)(\\d+)");
    private static final Pattern RULE_NAME = Pattern.compile("^rule \"([^\"]+)\"");
    private static final Pattern CELL_REFERENCE = Pattern.compile("\\b([A-Z]{1,2})(\\d+)\\b");

    /** The DRL that Drools generated. */
    final String drl;
    private final List<List<Cell>> rows;
    private final Map<String, Integer> rowByRule;
    /** Per generated line (0-based), the table row its rule came from, or 0 before the first rule. */
    private final int[] rowByLine;

    private DecisionTable(String drl, List<List<Cell>> rows, Map<String, Integer> rowByRule, int[] rowByLine) {
        this.drl = drl;
        this.rows = rows;
        this.rowByRule = rowByRule;
        this.rowByLine = rowByLine;
    }

    static boolean isTable(String path) {
        return path.endsWith(".csv");
    }

    /**
     * Reads a CSV decision table and generates its DRL.
     *
     * @throws InvalidRuleBaseException naming the file, and the row and column where Drools says which
     */
    static DecisionTable read(String displayName, String csv) {
        List<List<Cell>> rows = cells(csv);
        List<Problem> problems = quoteProblems(displayName, csv);
        problems.addAll(unnamedRows(displayName, rows));
        if (!problems.isEmpty()) {
            throw new InvalidRuleBaseException(problems);
        }
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), InputType.CSV);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s*\\n\\s*", " ");
            Matcher cell = CELL_REFERENCE.matcher(message);
            int row = 0;
            int column = 0;
            if (cell.find()) {
                row = Integer.parseInt(cell.group(2));
                column = columnOf(rows, row, letterIndex(cell.group(1)));
            }
            throw new InvalidRuleBaseException(List.of(new Problem(displayName, row, column, "",
                    "cannot be read as a decision table: " + message)));
        }
        if (drl == null || !drl.contains("\nrule ")) {
            throw new InvalidRuleBaseException(List.of(new Problem(displayName, 1, 1, "",
                    "holds no decision table: it needs a RuleSet row, a RuleTable row and rule rows beneath")));
        }
        String[] lines = drl.split("\n", -1);
        int[] rowByLine = new int[lines.length];
        Map<String, Integer> rowByRule = new HashMap<>();
        int row = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher comment = ROW_COMMENT.matcher(lines[i]);
            if (comment.find()) {
                row = Integer.parseInt(comment.group(2));
            }
            Matcher name = RULE_NAME.matcher(lines[i]);
            if (name.find()) {
                rowByRule.putIfAbsent(name.group(1), row);
            }
            rowByLine[i] = row;
        }
        return new DecisionTable(drl, rows, rowByRule, rowByLine);
    }

    /**
     * Quotes the CSV reader would take otherwise than the author meant: a cell whose quote is not
     * closed on its row, text after a cell's closing quote, a quote inside a cell that does not start
     * with one. Drools would read the row's cells shifted, and the problems that follow would mislead.
     */
    private static List<Problem> quoteProblems(String displayName, String csv) {
        List<Problem> problems = new ArrayList<>();
        String[] lines = csv.replace("\r", "").split("\n", -1);
        for (int row = 1; row <= lines.length; row++) {
            String line = lines[row - 1];
            int i = 0;
            while (i <= line.length()) {
                int start = i;
                String trouble = null;
                if (i < line.length() && line.charAt(i) == '"') {
                    i++;
                    boolean closed = false;
                    while (i < line.length() && !closed) {
                        if (line.startsWith("\"\"", i)) {
                            i += 2;
                        } else {
                            closed = line.charAt(i++) == '"';
                        }
                    }
                    if (!closed) {
                        trouble = "the quote that opens this cell is not closed on its row";
                    } else if (i < line.length() && line.charAt(i) != ',') {
                        trouble = "text follows the quote that closes this cell";
                    }
                } else {
                    int quote = line.indexOf('"', i);
                    int comma = line.indexOf(',', i);
                    if (quote >= 0 && (comma < 0 || quote < comma)) {
                        trouble = "this cell holds a quote but does not start with one";
                        start = quote;
                    }
                }
                if (trouble != null) {
                    problems.add(new Problem(displayName, row, start + 1, "", "unbalanced quote in row " + row + ": " + trouble
                            + "; a cell that holds a comma or a quote is quoted as a whole, and a quote inside it is written twice (\"\")"));
                    break;
                }
                int comma = line.indexOf(',', i);
                if (comma < 0) {
                    break;
                }
                i = comma + 1;
            }
        }
        return problems;
    }

    /**
     * Rows of a rule table whose {@code NAME} column is empty: Drools would name the rule after its
     * row, but a rule's name is its audit ID, so every row names its rule.
     */
    private static List<Problem> unnamedRows(String displayName, List<List<Cell>> rows) {
        List<Problem> problems = new ArrayList<>();
        for (int table = 0; table < rows.size(); table++) {
            List<Cell> header = rows.get(table);
            if (header.isEmpty() || !header.get(0).text.trim().startsWith("RuleTable") || table + 1 >= rows.size()) {
                continue;
            }
            List<Cell> types = rows.get(table + 1);
            int name = -1;
            for (int i = 0; i < types.size(); i++) {
                if (types.get(i).text.trim().equalsIgnoreCase("NAME")) {
                    name = i;
                }
            }
            if (name < 0) {
                continue;
            }
            for (int row = table + 5; row < rows.size(); row++) {
                List<Cell> cells = rows.get(row);
                if (cells.stream().allMatch(cell -> cell.text.isBlank())
                        || cells.get(0).text.trim().startsWith("RuleTable")) {
                    break;
                }
                if (name >= cells.size() || cells.get(name).text.isBlank()) {
                    String column = name < types.size() && table + 4 < rows.size() && name < rows.get(table + 4).size()
                            ? rows.get(table + 4).get(name).text.trim() : "NAME";
                    problems.add(new Problem(displayName, row + 1, name < cells.size() ? cells.get(name).column : 1, "",
                            "row " + (row + 1) + " names no rule: its " + (column.isEmpty() ? "NAME" : column)
                                    + " cell is empty, and each row is a rule whose name is its audit ID"));
                }
            }
        }
        return problems;
    }

    /** The 1-based table row of a generated rule, or 0. */
    int rowOf(String ruleName) {
        return rowByRule.getOrDefault(ruleName, 0);
    }

    /**
     * The row and column in the CSV file of a 1-based line of the generated DRL: the row of its
     * rule, and the cell whose text is {@code hint}; failing that, the longest cell text that
     * {@code message} names as a word; failing that, the longest cell text the generated line holds.
     */
    int[] place(int generatedLine, String hint, String message) {
        int index = Math.min(Math.max(generatedLine - 1, 0), rowByLine.length - 1);
        int row = rowByLine[index];
        if (row <= 0 || row > rows.size()) {
            return new int[] {1, 1};
        }
        List<Cell> cells = rows.get(row - 1);
        String line = drl.split("\n", -1)[index];
        Cell named = null;
        Cell inLine = null;
        for (Cell cell : cells) {
            String text = cell.text.trim();
            if (text.isEmpty()) {
                continue;
            }
            if (hint != null && !hint.isEmpty() && text.equals(hint)) {
                return new int[] {row, cell.column};
            }
            if (Pattern.compile("(?<![\\w-])" + Pattern.quote(text) + "(?![\\w-])").matcher(message).find()
                    && (named == null || text.length() > named.text.trim().length())) {
                named = cell;
            }
            if (line.contains(text) && (inLine == null || text.length() > inLine.text.trim().length())) {
                inLine = cell;
            }
        }
        Cell best = named != null ? named : inLine;
        return new int[] {row, best != null ? best.column : cells.isEmpty() ? 1 : cells.get(0).column};
    }

    private static int columnOf(List<List<Cell>> rows, int row, int cellIndex) {
        if (row < 1 || row > rows.size()) {
            return 0;
        }
        List<Cell> cells = rows.get(row - 1);
        return cellIndex >= 0 && cellIndex < cells.size() ? cells.get(cellIndex).column : 1;
    }

    private static int letterIndex(String letters) {
        int index = 0;
        for (char letter : letters.toCharArray()) {
            index = index * 26 + (letter - 'A' + 1);
        }
        return index - 1;
    }

    /** Splits CSV text into rows of cells, one row per line, with each cell's 1-based column in its line. */
    static List<List<Cell>> cells(String csv) {
        List<List<Cell>> rows = new ArrayList<>();
        for (String line : csv.replace("\r", "").split("\n", -1)) {
            List<Cell> cells = new ArrayList<>();
            int i = 0;
            while (i <= line.length()) {
                int start = i;
                StringBuilder text = new StringBuilder();
                if (i < line.length() && line.charAt(i) == '"') {
                    i++;
                    while (i < line.length()) {
                        char c = line.charAt(i);
                        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            text.append('"');
                            i += 2;
                        } else if (c == '"') {
                            i++;
                            break;
                        } else {
                            text.append(c);
                            i++;
                        }
                    }
                    while (i < line.length() && line.charAt(i) != ',') {
                        text.append(line.charAt(i++));
                    }
                } else {
                    while (i < line.length() && line.charAt(i) != ',') {
                        text.append(line.charAt(i++));
                    }
                }
                cells.add(new Cell(text.toString(), start + 1));
                i++;
            }
            rows.add(cells);
        }
        return rows;
    }

    /** One cell of the table: its text and the 1-based column where it starts in its line. */
    static final class Cell {
        final String text;
        final int column;

        Cell(String text, int column) {
            this.text = text;
            this.column = column;
        }
    }
}
