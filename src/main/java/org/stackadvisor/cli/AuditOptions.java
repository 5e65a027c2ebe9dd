package org.stackadvisor.cli;

import java.nio.file.Path;
import org.stackadvisor.audit.AuditKeys;
import org.stackadvisor.audit.AuditLog;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --signing-key FILE} and {@code --actor NAME}: how {@code decide --audit-log} signs its records and whom they name. */
final class AuditOptions {
    @Option(names = "--signing-key", paramLabel = "FILE",
            description = "With --audit-log: sign the records with this Ed25519 private key (audit keygen writes one):"
                    + " the records appended at once (the files of one decide, the ready lines of a batch) form a group whose"
                    + " last record carries a signature covering it. Refuses (exit 74) a log whose last record this key did"
                    + " not sign. Check the signatures with: audit verify LOG.jsonl --public-key FILE.pub")
    Path signingKey;

    @Option(names = "--actor", paramLabel = "NAME",
            description = "With --audit-log: who asks for the decisions, as each record names it (default: the user name).")
    String actor;

    /** The audit log the options describe for {@code file}; each record names the rule base its decision came from. */
    AuditLog log(CommandLine commandLine, Path file) {
        if (file == null) {
            if (signingKey != null || actor != null) {
                throw new CommandLine.ParameterException(commandLine, (signingKey != null ? "--signing-key" : "--actor")
                        + " works with --audit-log only");
            }
            return null;
        }
        if (actor != null && actor.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, "--actor must not be blank");
        }
        AuditLog.Builder builder = AuditLog.builder(file);
        if (signingKey != null) {
            builder.signingKey(AuditKeys.readPrivateKey(signingKey));
        }
        if (actor != null) {
            builder.actor(actor);
        }
        return builder.build();
    }
}
