package org.stackadvisor.audit;

/**
 * The result of {@link AuditLog#verify}: either every record of the log is intact and chained,
 * or the first record that was edited, removed, reordered, torn, forged (with a public key) or
 * otherwise wrong, with its line number (0 when the expected head is missing from the log).
 *
 * <pre>{@code
 * AuditVerification check = AuditLog.verify(Path.of("decisions.jsonl"));
 * System.out.println(check.ok() ? "ok " + check.records() + " records" : "line " + check.line() + ": " + check.problem());
 * }</pre>
 */
public final class AuditVerification {
    private final int records;
    private final int line;
    private final String problem;
    private final String lastHash;
    private final boolean signaturesChecked;
    private final int signed;
    private final int covered;
    private final int headLine;

    AuditVerification(int records, int line, String problem, String lastHash, boolean signaturesChecked, int signed,
            int covered, int headLine) {
        this.records = records;
        this.line = line;
        this.problem = problem;
        this.lastHash = lastHash;
        this.signaturesChecked = signaturesChecked;
        this.signed = signed;
        this.covered = covered;
        this.headLine = headLine;
    }

    /** Whether every record's signature was checked with a public key; when not, a forged record can pass. */
    public boolean signaturesChecked() {
        return signaturesChecked;
    }

    /**
     * How many of the intact records carry a signature (checked or not); with signed groups
     * ({@link AuditLog#decidedAll}) one per group, the group's last record.
     */
    public int signedRecords() {
        return signed;
    }

    /**
     * How many of the intact records a signature covers: those up to the last signed record,
     * each covered by the first signature after it (whose hash chains back to it). Records after
     * the last signature are covered by none; with a public key they fail verification.
     */
    public int coveredRecords() {
        return covered;
    }

    /** The line of the record whose hash was the expected head, or 0 when none was expected or it was not found. */
    public int headLine() {
        return headLine;
    }

    /** Whether every record is intact and the chain is unbroken. */
    public boolean ok() {
        return problem == null;
    }

    /** The number of intact, chained records: all of them when {@link #ok()}, else those before the first bad one. */
    public int records() {
        return records;
    }

    /** The 1-based line of the first bad record, or 0 when the log is intact or only the expected head is missing. */
    public int line() {
        return line;
    }

    /** What is wrong with the first bad record, or null when the log is intact. */
    public String problem() {
        return problem;
    }

    /**
     * The hash of the last intact record ({@link AuditLog#GENESIS} for an empty log). Keep it
     * elsewhere to notice later that whole records were cut from the end of the log, which a hash
     * chain alone cannot show.
     */
    public String lastHash() {
        return lastHash;
    }

    @Override
    public String toString() {
        return ok() ? "ok " + records + " records" : "line " + line + ": " + problem;
    }
}
