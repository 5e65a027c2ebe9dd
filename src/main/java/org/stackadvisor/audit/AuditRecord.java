package org.stackadvisor.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stackadvisor.internal.json.Json;

/**
 * One record of an audit log as {@link AuditLog#read} hands it out: where it is, when and by whom
 * it was recorded, and the decision's project, verdict, scores and hashes. Reading does not
 * verify: run {@link AuditLog#verify} for the chain and the signatures.
 *
 * <pre>{@code
 * AuditLog.read(Path.of("decisions.jsonl"), record ->
 *         System.out.println(record.line() + " " + record.time() + " " + record.actor() + " " + record.verdict()));
 * }</pre>
 */
public final class AuditRecord {
    private final int line;
    private final Map<?, ?> record;
    private final Map<?, ?> decision;

    AuditRecord(int line, Map<?, ?> record) {
        this.line = line;
        this.record = record;
        this.decision = map(record.get("decision"));
    }

    /** The record's 1-based line in the log. */
    public int line() {
        return line;
    }

    /** When the decision was recorded: an ISO-8601 UTC time. */
    public String time() {
        return text(record.get("time"));
    }

    /** Who asked for the decision; empty for a record of the previous format, which did not say. */
    public String actor() {
        return text(record.get("actor"));
    }

    /** The version of Stack Advisor that recorded it; empty for a record of the previous format. */
    public String toolVersion() {
        return text(record.get("toolVersion"));
    }

    /** Where the rule base came from: {@value AuditLog#BUNDLED} or a folder; empty for a record of the previous format. */
    public String rules() {
        return text(record.get("rules"));
    }

    /** The decision's project name. */
    public String project() {
        return text(decision.get("project"));
    }

    /** The decision's verdict. */
    public String verdict() {
        return text(decision.get("verdict"));
    }

    /** The decision's scores by candidate, in the stored order. */
    public Map<String, Object> scores() {
        Map<String, Object> scores = new LinkedHashMap<>();
        map(decision.get("scores")).forEach((candidate, score) -> scores.put(String.valueOf(candidate), score));
        return Collections.unmodifiableMap(scores);
    }

    /** The SHA-256 of the rule base that made the decision. */
    public String knowledgeBaseSha256() {
        return text(map(decision.get("knowledgeBase")).get("sha256"));
    }

    /** The SHA-256 of the decision's canonical input facts. */
    public String inputSha256() {
        return text(map(decision.get("input")).get("sha256"));
    }

    /** The record's own hash: what {@code audit head} prints for the last record. */
    public String hash() {
        return text(record.get("hash"));
    }

    /** Whether the record carries a signature (whether it is valid, only {@link AuditLog#verify} with a key says). */
    public boolean signed() {
        return record.containsKey("signature");
    }

    /** The stored decision as JSON, as {@link org.stackadvisor.audit.Replay} and {@code replay} read it. */
    public String decisionJson() {
        return Json.write(decision, false);
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map ? (Map<?, ?>) value : Map.of();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    @Override
    public String toString() {
        return line + " " + time() + " " + actor() + " " + project() + " " + verdict();
    }
}
