/**
 * For auditors: a tamper-evident record of every decision, and a saved decision decided again.
 *
 * <p>Start with {@link org.stackadvisor.audit.AuditLog}: give it to {@link
 * org.stackadvisor.StackAdvisor.Builder#listener} and every decision is appended to a hash-chained
 * JSON Lines log; {@link org.stackadvisor.audit.AuditLog#verify(java.nio.file.Path)} checks a log
 * and returns an {@link org.stackadvisor.audit.AuditVerification} naming the first broken record.
 * A log that cannot be written throws {@link org.stackadvisor.audit.AuditLogException}. {@link
 * org.stackadvisor.audit.AuditLog#builder} signs records with an Ed25519 key from {@link
 * org.stackadvisor.audit.AuditKeys} and names the actor and the rule base's folder; {@link
 * org.stackadvisor.audit.AuditLog#verify(java.nio.file.Path, java.security.PublicKey, String)}
 * checks the signatures and an anchor; {@link org.stackadvisor.audit.AuditLog#read} hands out each
 * {@link org.stackadvisor.audit.AuditRecord} for listing, exporting and replaying.
 *
 * <p>{@link org.stackadvisor.audit.Replay} (what {@link
 * org.stackadvisor.StackAdvisor#replay(java.nio.file.Path)} returns) decides the input facts
 * stored in a saved decision again and says what differs; input that is not a saved decision
 * throws {@link org.stackadvisor.audit.NotADecisionException}.
 *
 * <p>The manual is {@code docs/auditing.md}. The HTML report page about one decision is in
 * {@link org.stackadvisor.explain}, since it shows the decision's what-if.
 */
package org.stackadvisor.audit;
