package org.stackadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.stackadvisor.audit.AuditKeys;
import org.stackadvisor.audit.AuditLog;
import org.stackadvisor.audit.AuditLogException;
import org.stackadvisor.audit.AuditVerification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code audit keygen|verify|head|list|export|summary|replay}: the signing keys and the tools over
 * an audit log that {@code decide --audit-log} wrote.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Work with the audit log that decide --audit-log appends to.",
        subcommands = {AuditCommand.Keygen.class, AuditCommand.Verify.class, AuditCommand.Head.class, AuditLogTools.List.class,
            AuditLogTools.Export.class, AuditLogTools.Summary.class, AuditLogTools.ReplayLog.class, CommandLine.HelpCommand.class})
final class AuditCommand implements Runnable {
    private static final Pattern HASH = Pattern.compile("(sha256:)?[0-9a-fA-F]{64}");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand, such as: audit verify decisions.jsonl");
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Write a new Ed25519 key pair for signing audit records: DIR/audit-key (the private key, PKCS#8 PEM,"
                    + " readable by its owner only) and DIR/audit-key.pub (the public key, X.509 PEM). Never overwrites a key.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the key pair was written",
                ExitCodes.LIST_USAGE,
                "74:a key file exists already (nothing is overwritten), or a file cannot be written"})
    static final class Keygen implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The folder to write audit-key and audit-key.pub into (made if missing).")
        Path folder;

        @Override
        public Integer call() {
            Path privateKey;
            try {
                privateKey = AuditKeys.generate(folder);
            } catch (AuditLogException e) {
                FailureHandler.report(spec.commandLine().getErr(), "no key was written", e.problems());
                return ExitCodes.CANNOT_WRITE;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(Text.safe("private key: " + privateKey + " (keep it secret; decide --audit-log LOG --signing-key "
                    + privateKey + ")"));
            out.println(Text.safe("public key:  " + folder.resolve(AuditKeys.PUBLIC_KEY_FILE) + " (for audit verify LOG --public-key)"));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check every record of an audit log: its hash, the chain of hashes, the record schema, that times"
                    + " never go backwards and that each decision's input hash matches its stored facts; with --public-key"
                    + " every signature; with --expect-head that an earlier head is still in the log, unchanged and at its"
                    + " place. Print 'ok N records', or the first bad record with its line number."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:ok: every record is intact and chained (and signed, and the head found, when asked)",
                "1:a record was edited, removed, reordered, torn, forged or is not a record, or the expected head is missing;"
                        + " its line is printed",
                ExitCodes.LIST_USAGE,
                "3:the log file or the public key is missing or unreadable"})
    static final class Verify extends AuditLogTools.OnLog {
        @Option(names = "--public-key", paramLabel = "FILE",
                description = "Check every signature with this Ed25519 public key (audit-key.pub of audit keygen). A"
                        + " signature covers its group: the records since the signature before it. A signature that does not"
                        + " match fails naming the lines it covers; records after the last signature (unsigned) fail.")
        Path publicKey;

        @Option(names = "--expect-head", paramLabel = "HASH",
                description = "Pass only if the record with this hash (what audit head printed earlier) is still in the log,"
                        + " unchanged and at its place.")
        String expectHead;

        @Override
        public Integer call() {
            if (expectHead != null && !HASH.matcher(expectHead.strip()).matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--expect-head takes a record hash: 64 hexadecimal"
                        + " digits (what audit head prints), not '" + Text.safe(expectHead) + "'");
            }
            AuditVerification result;
            try {
                PublicKey key = publicKey == null ? null : AuditKeys.readPublicKey(publicKey);
                result = AuditLog.verify(log, key, expectHead);
            } catch (AuditLogException e) {
                FailureHandler.report(spec.commandLine().getErr(), "cannot verify the audit log", e.problems());
                return ExitCodes.INVALID_FACTS;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (result.ok()) {
                out.println("ok " + records(result.records()) + " (last hash " + result.lastHash() + ")");
                out.println(signatures(result));
                if (expectHead != null) {
                    out.println("head " + expectHead.strip() + " found on line "
                            + result.headLine() + ": it and every record before it are unchanged");
                }
                out.flush();
                return ExitCodes.OK;
            }
            out.println(Text.safe(log + (result.line() > 0 ? ":" + result.line() : "") + ": " + result.problem()));
            out.println("not ok: " + result.records() + " intact record" + (result.records() == 1 ? "" : "s")
                    + (result.line() > 0 ? " before line " + result.line() : ""));
            out.flush();
            return ExitCodes.DIFFERS;
        }

        /**
         * What the signatures vouch for: each covers its group, the records since the signature
         * before it, so the count of signatures is the count of groups, not of records.
         */
        private static String signatures(AuditVerification result) {
            if (result.signaturesChecked()) {
                return "signatures: all " + result.signedRecords() + " valid, covering all " + records(result.records());
            }
            return "signatures: not checked (no --public-key); " + result.signedRecords() + " signature"
                    + (result.signedRecords() == 1 ? "" : "s") + " covering " + result.coveredRecords() + " of "
                    + records(result.records());
        }
    }

    @Command(name = "head", mixinStandardHelpOptions = true,
            description = "Print the hash of the last record of an audit log, after checking the log as audit verify does."
                    + " Keep it elsewhere; later, audit verify LOG --expect-head HASH tells whether anything up to it changed.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the hash is printed",
                "1:the log does not verify (the first bad record is printed), or it has no records",
                ExitCodes.LIST_USAGE,
                "3:the log file is missing or unreadable"})
    static final class Head extends AuditLogTools.OnLog {
        @Override
        public Integer call() {
            AuditVerification result;
            try {
                result = AuditLog.verify(log);
            } catch (AuditLogException e) {
                FailureHandler.report(spec.commandLine().getErr(), "cannot read the audit log", e.problems());
                return ExitCodes.INVALID_FACTS;
            }
            PrintWriter err = spec.commandLine().getErr();
            if (!result.ok() || result.records() == 0) {
                err.println(Text.safe(log + (result.ok() ? ": has no records, so no head" : ":" + result.line() + ": "
                        + result.problem() + "; no head is printed for a log that does not verify")));
                err.flush();
                return ExitCodes.DIFFERS;
            }
            spec.commandLine().getOut().println(result.lastHash());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    static String records(int count) {
        return count + " record" + (count == 1 ? "" : "s");
    }
}
