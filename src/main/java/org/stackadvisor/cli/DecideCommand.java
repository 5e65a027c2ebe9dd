package org.stackadvisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stackadvisor.Decision;
import org.stackadvisor.InvalidFactsException;
import org.stackadvisor.Problem;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;
import org.stackadvisor.audit.AuditLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code decide FILE...}: the verdict, scores, reasons and caveats for each facts file;
 * {@code decide --batch FILE.jsonl}: one decision per line of a JSON Lines file.
 */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Decide Node.js or Python for each facts file and explain why.",
            "With --batch, decide one project per line of a JSON Lines file (- for standard input) and write one"
                + " compact decision JSON per line, in input order; a line that fails gives an error record"
                + " {\"line\": N, \"error\": ..., \"problems\": [...]} and the batch goes on (exit 3 at the end).",
            "The rule base's version is the one its manifest (manifest.json) states, changed or not; the rule base's"
                + " sha256 hash, printed with each decision, is what tells changed rules apart."
                + " stack-advisor --version prints the tool's and Drools' versions."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_USAGE, ExitCodes.LIST_INVALID_FACTS, ExitCodes.LIST_INVALID_RULES,
            ExitCodes.LIST_CANNOT_WRITE})
final class DecideCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuleBaseOption ruleBase = new RuleBaseOption();

    /** The formats of {@code decide}: those of every command, and {@code summary} for {@code --batch}. */
    enum DecideFormat { text, json, summary }

    @Option(names = "--format", paramLabel = "text|json|summary", defaultValue = "text",
            description = "Output format: text (default) or json (the decision contract; an array for several files);"
                    + " with --batch, json (default: one compact decision a line) or summary (one line under 1 KB a project:"
                    + " project, verdict, scores, the claims that weighed, tensions, input and rule-base hashes).")
    DecideFormat format;

    @Mixin
    AuditOptions audit = new AuditOptions();

    @Option(names = "--audit-log", paramLabel = "LOG.jsonl",
            description = "Append one hash-chained record per decision to this JSON Lines log (synced to disk);"
                    + " if a record cannot be written, the command fails with exit 74. Check it with: audit verify LOG.jsonl")
    Path auditLog;

    @Option(names = "--max-facts-bytes", paramLabel = "N",
            description = "The largest facts file to read, in bytes (default: 1048576, 1 MiB). Larger files are rejected unread.")
    Long maxFactsBytes;

    @Option(names = "--firing-limit", paramLabel = "N",
            description = "The most rule firings one decision may take before it fails as a runaway (default: 1000 plus 100 per rule).")
    Integer firingLimit;

    @Option(names = "--batch", paramLabel = "FILE.jsonl",
            description = "Decide one facts document per line of this JSON Lines file (- reads standard input);"
                    + " writes JSON Lines.")
    Path batch;

    @Option(names = "--threads", paramLabel = "N",
            description = "With --batch: how many threads decide lines (default: one per processor).")
    Integer threads;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Facts files describing projects: JSON, or YAML when named"
            + " .yaml or .yml; - reads one document from standard input (JSON when it starts with {, YAML otherwise).")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        if (batch == null && files.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, "Missing required parameter: 'FILE'");
        }
        if (batch != null && !files.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, "--batch takes its projects from one file; give no FILE besides it");
        }
        if (files.stream().filter(file -> file.toString().equals("-")).count() > 1) {
            throw new CommandLine.ParameterException(commandLine, "standard input (-) holds one facts document; give - once");
        }
        if (threads != null && (batch == null || threads < 1)) {
            throw new CommandLine.ParameterException(commandLine, batch == null ? "--threads works with --batch only"
                    : "--threads must be at least 1");
        }
        if (batch == null && format == DecideFormat.summary) {
            throw new CommandLine.ParameterException(commandLine, "--format summary works with --batch only");
        }
        if (batch != null && format == DecideFormat.text && commandLine.getParseResult().hasMatchedOption("--format")) {
            throw new CommandLine.ParameterException(commandLine, "--batch writes JSON Lines; --format text is not available with it");
        }
        AuditLog log = audit.log(spec.commandLine(), auditLog);
        // The log is not the advisor's listener: a batch appends from its writing thread, group by
        // group in the order of its lines, and the files of a plain decide are appended as one
        // group once all are decided; either way before anything is printed.
        StackAdvisor advisor = advisor();
        return batch != null ? batch(advisor, log) : decideFiles(advisor, log);
    }

    private int batch(StackAdvisor advisor, AuditLog log) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        BatchDecider decider = new BatchDecider(advisor, threadCount, threadCount * BatchDecider.WINDOW_PER_THREAD,
                (int) Project.DEFAULT_MAX_FILE_SIZE, format == DecideFormat.summary, log);
        String source = batch.toString();
        BatchDecider.Summary summary;
        try (InputStream stream = source.equals("-") ? StandardInput.get() : Files.newInputStream(batch);
             Reader input = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            summary = decider.run(input, source, spec.commandLine().getOut(), Terminal.standardError() ? err : null);
        } catch (NoSuchFileException e) {
            return unreadable(err, source, "no such file");
        } catch (IOException e) {
            if (Files.isDirectory(batch)) {
                return unreadable(err, source, "is a directory, not a JSON Lines file");
            }
            return unreadable(err, source, "cannot be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        if (summary.failed > 0) {
            err.println("stack-advisor: " + summary.failed + " of " + summary.lines + " lines failed; see their error records");
            err.flush();
            return ExitCodes.INVALID_FACTS;
        }
        return ExitCodes.OK;
    }

    private static int unreadable(PrintWriter err, String source, String message) {
        err.println(Text.safe(source + ": " + message));
        err.println("stack-advisor: invalid facts (1 problem)");
        err.flush();
        return ExitCodes.INVALID_FACTS;
    }

    /**
     * Decides every file, in argument order, and prints the decisions of the valid ones (an error
     * entry in the JSON array for each invalid one); the problems of each invalid file go to
     * standard error and the exit code is 3. With a log, the decisions are appended as one group
     * (one signature when it signs) before any is printed; when that fails, none is printed, the
     * cause is named and the exit code is 74, so the log holds exactly the decisions printed.
     */
    private int decideFiles(StackAdvisor advisor, AuditLog log) {
        List<Decision> decisions = new ArrayList<>();
        List<Path> decided = new ArrayList<>();
        List<Object> outcomes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                Decision decision = file.toString().equals("-") ? advisor.decide(Project.read(StandardInput.get(), StandardInput.NAME,
                        maxFactsBytes != null ? maxFactsBytes : Project.DEFAULT_MAX_FILE_SIZE)) : advisor.decide(file);
                decisions.add(decision);
                decided.add(file);
                outcomes.add(decision);
            } catch (InvalidFactsException e) {
                problems.addAll(e.problems());
                outcomes.add(new FileError(file, e));
            }
        }
        if (log != null) {
            log.decidedAll(decisions);
        }
        noticeUnknownTerms(decisions, decided);
        PrintWriter out = spec.commandLine().getOut();
        if (format == DecideFormat.json && files.size() == 1) {
            if (!decisions.isEmpty()) {
                out.println(decisions.get(0).toJson());
            }
        } else if (format == DecideFormat.json && !outcomes.isEmpty()) {
            out.println(problems.isEmpty() ? Decision.toJsonArray(decisions) : DecisionArray.withErrors(outcomes));
        } else if (format == DecideFormat.text) {
            for (int i = 0; i < decisions.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                out.print(DecisionText.render(decisions.get(i), advisor));
            }
        }
        out.flush();
        long failed = outcomes.stream().filter(FileError.class::isInstance).count();
        if (failed > 0) {
            FailureHandler.report(spec.commandLine().getErr(), "invalid facts"
                    + (files.size() == 1 ? "" : " in " + failed + " of " + files.size() + " files, the others decided"), problems);
        }
        return failed > 0 ? ExitCodes.INVALID_FACTS : ExitCodes.OK;
    }

    /** A file that could not be decided, for its error entry in a JSON array. */
    record FileError(Path file, InvalidFactsException exception) {
    }

    /** One line on standard error for each accepted term the vocabulary does not know, so that a typo the suggestions missed is seen. */
    private void noticeUnknownTerms(List<Decision> decisions, List<Path> inputs) {
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < decisions.size(); i++) {
            for (Decision.Unweighed term : decisions.get(i).notWeighed()) {
                if (!term.known()) {
                    err.println(Text.safe("notice: " + inputs.get(i) + ": " + term.field() + " '" + term.term()
                            + "' is not in the vocabulary; it is listed as not weighed (--strict refuses it)"));
                }
            }
        }
        err.flush();
    }

    private StackAdvisor advisor() {
        if (maxFactsBytes != null && maxFactsBytes < 1) {
            throw new ParameterException(spec.commandLine(), "--max-facts-bytes must be at least 1, not " + maxFactsBytes);
        }
        if (firingLimit != null && firingLimit < 1) {
            throw new ParameterException(spec.commandLine(), "--firing-limit must be at least 1, not " + firingLimit);
        }
        StackAdvisor.Builder builder = ruleBase.builder();
        if (maxFactsBytes != null) {
            builder.maxFactsFileBytes(maxFactsBytes);
        }
        if (firingLimit != null) {
            builder.firingLimit(firingLimit);
        }
        return builder.build();
    }
}
