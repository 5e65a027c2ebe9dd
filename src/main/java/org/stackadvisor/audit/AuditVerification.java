package org.stackadvisor.audit;

/**
 * The result of {@link AuditLog#verify}: either every record of the log is intact and chained,
 * or the first record that was edited, removed, reordered or torn, with its line number.
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

    AuditVerification(int records, int line, String problem, String lastHash) {
        this.records = records;
        this.line = line;
        this.problem = problem;
        this.lastHash = lastHash;
    }

    /** Whether every record is intact and the chain is unbroken. */
    public boolean ok() {
        return problem == null;
    }

    /** The number of intact, chained records: all of them when {@link #ok()}, else those before the first bad one. */
    public int records() {
        return records;
    }

    /** The 1-based line of the first bad record, or 0 when the log is intact. */
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
