package org.stackadvisor.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code stack-advisor} command: decides Node.js or Python for a project described in a facts file. */
@Command(name = "stack-advisor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Decides Node.js or Python for a project's back end, with the reasons and the article's claims behind them.",
        subcommands = {
            DecideCommand.class,
            ExplainCommand.class,
            ReplayCommand.class,
            AuditCommand.class,
            ReportCommand.class,
            WhatIfCommand.class,
            WhyNotCommand.class,
            VerifyCommand.class,
            CoverageCommand.class,
            TestCommand.class,
            AnalyzeCommand.class,
            TypesCommand.class,
            AdrCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.LIST_OK,
            ExitCodes.LIST_DIFFERS,
            ExitCodes.LIST_USAGE,
            ExitCodes.LIST_INVALID_FACTS,
            ExitCodes.LIST_INVALID_RULES,
            ExitCodes.LIST_CANNOT_WRITE,
            ExitCodes.LIST_INTERNAL
        })
public final class StackAdvisorCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, such as: decide facts/live-chat.json");
    }

    /**
     * Runs the command line and exits with its code. Output is UTF-8 whatever the locale: the
     * decision JSON must be the same bytes on every machine (under {@code LANG=C} the platform
     * charset would turn every non-ASCII letter of a project's name into {@code ?}).
     */
    public static void main(String[] args) {
        System.exit(execute(args, utf8(System.out), utf8(System.err)));
    }

    private static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** Runs the command line with the given writers and returns the exit code, for tests and embedding. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, null, out, err);
    }

    /**
     * Runs the command line with the given standard input (null: {@link System#in}) and writers, and
     * returns the exit code, for tests and embedding.
     */
    public static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        StandardInput.set(in);
        try {
            return run(args, out, err);
        } finally {
            StandardInput.set(null);
        }
    }

    private static int run(String[] args, PrintWriter out, PrintWriter err) {
        quietDroolsLogging();
        CommandLine commandLine = forArguments(args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(new UsageErrors());
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command line for these arguments. Picocli reflects over every command class before it
     * parses (a tenth of a cold {@code decide}), so when the first argument names a command, only
     * that command is built, under a parent that bears this command's name; otherwise (no command,
     * {@code help}, {@code --version}, a misspelt command that wants suggestions) all of them.
     */
    static CommandLine forArguments(String[] args) {
        if (args.length > 0) {
            for (Class<?> subcommand : StackAdvisorCommand.class.getAnnotation(Command.class).subcommands()) {
                Command command = subcommand.getAnnotation(Command.class);
                if (subcommand != CommandLine.HelpCommand.class && command != null && command.name().equals(args[0])) {
                    CommandLine parent = new CommandLine(CommandSpec.create()
                            .name(StackAdvisorCommand.class.getAnnotation(Command.class).name()));
                    parent.addSubcommand(new CommandLine(subcommand));
                    return parent;
                }
            }
        }
        return new CommandLine(new StackAdvisorCommand());
    }

    /**
     * Drools logs its own view of every problem; the command reports them itself, with file and
     * line, so the engine's log stays off unless -Dorg.slf4j.simpleLogger.defaultLogLevel asks.
     */
    private static void quietDroolsLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        }
    }
}
