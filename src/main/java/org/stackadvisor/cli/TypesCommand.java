package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.stackadvisor.authoring.FactTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code types}: every fact type a rule may match or derive, with its fields and how to make one, read from the code. */
@Command(name = "types", mixinStandardHelpOptions = true,
        description = {"List the fact types a rule may match or derive (Term, Characteristic, Evidence, ...),",
                "with their fields, how to make one and their other methods; read from the code, so never stale."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", ExitCodes.LIST_USAGE})
final class TypesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format: text (default) or json.")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? FactTypes.toJson() + "\n" : FactTypes.text());
        out.flush();
        return ExitCodes.OK;
    }
}
