package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error in three lines at most, never the whole help: what is wrong, a did-you-mean for a
 * misspelt option or command (from the options and commands registered, so it follows them), and
 * where the help is. Exit code 2.
 */
final class UsageErrors implements IParameterExceptionHandler {
    /**
     * Words users reach for that name another command: suggested only while no command of that
     * name is registered and the command named is.
     */
    private static final Map<String, String> SYNONYMS = Map.of(
            "lint", "verify",
            "check", "verify",
            "validate", "verify",
            "why", "explain",
            "html", "report",
            "scenarios", "test");

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("stack-advisor: " + Text.safe(firstLine(exception.getMessage())));
        suggestion(exception).ifPresent(suggestion -> err.println("Did you mean '" + Text.safe(suggestion) + "'?"));
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for its usage.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static String firstLine(String message) {
        String line = message == null ? "invalid usage" : message.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end);
    }

    /** The option or command the user most likely meant, if an unknown one is close to a registered one. */
    static Optional<String> suggestion(ParameterException exception) {
        if (!(exception instanceof UnmatchedArgumentException)) {
            return Optional.empty();
        }
        List<String> unmatched = ((UnmatchedArgumentException) exception).getUnmatched();
        if (unmatched.isEmpty()) {
            return Optional.empty();
        }
        String given = unmatched.get(0);
        CommandSpec spec = exception.getCommandLine().getCommandSpec();
        List<String> known = new ArrayList<>();
        if (given.startsWith("-")) {
            String name = given.contains("=") ? given.substring(0, given.indexOf('=')) : given;
            for (OptionSpec option : spec.options()) {
                known.addAll(List.of(option.names()));
            }
            return closest(name, known);
        }
        known.addAll(spec.subcommands().keySet());
        String synonym = SYNONYMS.get(given.toLowerCase(Locale.ROOT));
        if (synonym != null && known.contains(synonym) && !known.contains(given)) {
            return Optional.of(synonym);
        }
        return closest(given, known);
    }

    /** The closest of {@code known} to {@code given} if within a typo's reach: a third of its letters, a transposition counting once. */
    static Optional<String> closest(String given, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = typoDistance(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(1, given.replaceFirst("^-+", "").length() / 3)
                ? Optional.of(best) : Optional.empty();
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}. */
    static int typoDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
