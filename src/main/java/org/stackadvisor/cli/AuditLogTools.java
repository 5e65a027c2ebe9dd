package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.StackAdvisorException;
import org.stackadvisor.audit.AuditLog;
import org.stackadvisor.audit.AuditLogException;
import org.stackadvisor.audit.AuditRecord;
import org.stackadvisor.audit.Replay;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit list|export|summary|replay LOG}: the tools over a whole audit log. */
final class AuditLogTools {
    private AuditLogTools() {
    }

    /** The characters a spreadsheet may read a formula after, at the start of a cell. */
    private static final String FORMULA_START = "=+-@\t\r";

    static final String LIST_UNREADABLE = "3:the log is missing or unreadable, or a line is not an audit record (its line is named)";

    /** A subcommand over one audit log: the {@code LOG.jsonl} parameter and reading its records. */
    abstract static class OnLog implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "LOG.jsonl", description = "The audit log (JSON Lines).")
        Path log;

        /** Reads every record of the log into {@code action}; false (the problem reported) when it cannot. */
        boolean read(Consumer<AuditRecord> action) {
            try {
                AuditLog.read(log, action);
                return true;
            } catch (AuditLogException e) {
                FailureHandler.report(spec.commandLine().getErr(), "cannot read the audit log", e.problems());
                return false;
            }
        }
    }

    /** {@code audit list LOG}: one line a record, filtered. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the records of an audit log, one line each: line, time, actor, project, verdict."
                    + " Reading does not verify: run audit verify for that.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:listed (also when no record matches)", ExitCodes.LIST_USAGE,
                LIST_UNREADABLE})
    static final class List extends OnLog {

        @Option(names = "--verdict", paramLabel = "VERDICT", description = "Only records with this verdict (nodejs, python, either).")
        String verdict;

        @Option(names = "--project", paramLabel = "TEXT", description = "Only records whose project name contains this text (any case).")
        String project;

        @Option(names = "--since", paramLabel = "TIME",
                description = "Only records made at or after this time: 2026-12-03T10:00:00Z, or a date (2026-12-03, from 00:00 UTC).")
        String since;

        @Option(names = "--until", paramLabel = "TIME",
                description = "Only records made before this time: 2026-12-03T18:00:00Z, or a date (2026-12-04: up to the end of 3 December UTC).")
        String until;

        @Override
        public Integer call() {
            Instant from = since == null ? Instant.MIN : time(spec, "--since", since);
            Instant to = until == null ? Instant.MAX : time(spec, "--until", until);
            String text = project == null ? null : project.toLowerCase(Locale.ROOT);
            PrintWriter out = spec.commandLine().getOut();
            int[] shown = {0, 0};
            boolean read = read(record -> {
                shown[1]++;
                Instant at = Instant.parse(record.time());
                if ((verdict == null || verdict.equals(record.verdict()))
                        && (text == null || record.project().toLowerCase(Locale.ROOT).contains(text))
                        && !at.isBefore(from) && at.isBefore(to)) {
                    out.println(Text.safe(record.line() + "  " + record.time() + "  " + orNone(record.actor()) + "  "
                            + record.project() + "  " + record.verdict()));
                    shown[0]++;
                }
            });
            if (!read) {
                return ExitCodes.INVALID_FACTS;
            }
            out.println(shown[0] + " of " + AuditCommand.records(shown[1]) + " listed");
            out.flush();
            return ExitCodes.OK;
        }

        private static Instant time(CommandSpec spec, String option, String value) {
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " takes a UTC time such as"
                        + " 2026-12-03T10:00:00Z or a date such as 2026-12-03, not '" + Text.safe(value) + "'");
            }
        }
    }

    /** {@code audit export LOG --format csv}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the records of an audit log as CSV (RFC 4180): a header, then one row a record: time, actor,"
                    + " project, verdict, scores, rule-base hash, input hash, record hash. A field that begins with =, +, -, @,"
                    + " a tab or a carriage return gets a single quote (') before it, so that a spreadsheet shows it as text"
                    + " instead of running it as a formula.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:exported", ExitCodes.LIST_USAGE,
                LIST_UNREADABLE})
    static final class Export extends OnLog {

        @Option(names = "--format", paramLabel = "csv", required = true, description = "The export format: csv.")
        String format;

        @Override
        public Integer call() {
            if (!format.equals("csv")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format takes csv, not '" + Text.safe(format) + "'");
            }
            StringBuilder csv = new StringBuilder("time,actor,project,verdict,scores,ruleBaseSha256,inputSha256,hash\r\n");
            boolean read = read(record -> {
                String scores = record.scores().entrySet().stream().map(score -> score.getKey() + "=" + score.getValue())
                        .collect(Collectors.joining(" "));
                for (String field : new String[] {record.time(), record.actor(), record.project(), record.verdict(), scores,
                        record.knowledgeBaseSha256(), record.inputSha256()}) {
                    csv.append(csvField(field)).append(',');
                }
                csv.append(csvField(record.hash())).append("\r\n");
            });
            if (!read) {
                return ExitCodes.INVALID_FACTS;
            }
            spec.commandLine().getOut().print(csv);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /**
     * A CSV field: quoted, with its quotes doubled, when it holds a comma, a quote, a line end or
     * edge spaces. A field that a spreadsheet would take for a formula (it begins with {@code =},
     * {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a single quote before it,
     * so that it shows as text and never runs (OWASP, CSV injection): a project name is anyone's
     * input, and {@code =HYPERLINK(...)} in a cell is a link to click.
     */
    static String csvField(String field) {
        String value = FORMULA_START.indexOf(field.isEmpty() ? 'x' : field.charAt(0)) >= 0 ? "'" + field : field;
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || !value.equals(value.strip());
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** {@code audit summary LOG}. */
    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = "Count the records of an audit log by verdict and by rule base (its SHA-256).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:counted", ExitCodes.LIST_USAGE,
                LIST_UNREADABLE})
    static final class Summary extends OnLog {

        @Override
        public Integer call() {
            Map<String, Integer> verdicts = new TreeMap<>();
            Map<String, Integer> ruleBases = new TreeMap<>();
            Map<String, java.util.Set<String>> origins = new TreeMap<>();
            java.util.List<String> times = new ArrayList<>();
            boolean read = read(record -> {
                verdicts.merge(record.verdict(), 1, Integer::sum);
                ruleBases.merge(record.knowledgeBaseSha256(), 1, Integer::sum);
                origins.computeIfAbsent(record.knowledgeBaseSha256(), key -> new java.util.TreeSet<>()).add(orNone(record.rules()));
                times.add(record.time());
            });
            if (!read) {
                return ExitCodes.INVALID_FACTS;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(AuditCommand.records(times.size()) + (times.isEmpty() ? "" : ", from " + times.get(0) + " to "
                    + times.get(times.size() - 1)));
            out.println("by verdict:");
            verdicts.forEach((verdict, count) -> out.println(Text.safe("  " + verdict + "  " + count)));
            out.println("by rule base:");
            ruleBases.forEach((sha, count) -> out.println(Text.safe("  sha256:" + sha + "  " + count + "  (rules: "
                    + String.join(", ", origins.get(sha)) + ")")));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code audit replay LOG [--rules DIR]}. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Replay every record of an audit log with the current rule base (or --rules DIR): a record"
                    + " reproduces when its verdict and scores come out the same. Print a line for each record that differs,"
                    + " then a summary such as '212 reproduced, 3 differ: 2 verdicts changed, 1 scores changed'.",
                "This is how to see what a rule change would do to past decisions before shipping it."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every record reproduces", "1:a record differs or cannot be replayed; each is printed",
                ExitCodes.LIST_USAGE,
                LIST_UNREADABLE,
                ExitCodes.LIST_INVALID_RULES})
    static final class ReplayLog extends OnLog {

        @Mixin
        RuleBaseOption ruleBase = new RuleBaseOption();


        @Override
        public Integer call() {
            StackAdvisor advisor = ruleBase.advisor();
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Integer> kinds = new java.util.LinkedHashMap<>();
            int[] counts = {0, 0};
            boolean read = read(record -> {
                String where = log + ":" + record.line() + ": " + record.project() + ": ";
                java.util.List<String> changes;
                String kind;
                try {
                    Replay replay = Replay.of(advisor, record.decisionJson(), log + ":" + record.line());
                    changes = replay.differences().stream().filter(difference -> difference.startsWith("verdict:")
                            || difference.startsWith("score ") || difference.startsWith("input:")).collect(Collectors.toList());
                    kind = changes.stream().anyMatch(change -> change.startsWith("input:")) ? "inputs edited"
                            : changes.stream().anyMatch(change -> change.startsWith("verdict:")) ? "verdicts changed"
                            : "scores changed";
                } catch (StackAdvisorException e) {
                    changes = java.util.List.of("cannot be replayed: " + e.problems().stream().map(Object::toString)
                            .collect(Collectors.joining("; ")));
                    kind = "cannot be replayed";
                }
                if (changes.isEmpty()) {
                    counts[0]++;
                    return;
                }
                counts[1]++;
                kinds.merge(kind, 1, Integer::sum);
                out.println(Text.safe(where + String.join("; ", changes)));
            });
            if (!read) {
                return ExitCodes.INVALID_FACTS;
            }
            out.println(counts[0] + " reproduced, " + counts[1] + " differ" + (kinds.isEmpty() ? "" : ": " + kinds.entrySet()
                    .stream().map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", "))));
            out.flush();
            return counts[1] == 0 ? ExitCodes.OK : ExitCodes.DIFFERS;
        }
    }

    private static String orNone(String text) {
        return text.isEmpty() ? "-" : text;
    }
}
