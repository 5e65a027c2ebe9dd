/**
 * Stack Advisor: decides Node.js or Python for a project's back end with a Drools knowledge base
 * that encodes an article claim by claim, and explains every decision.
 *
 * <p>Start with {@link org.stackadvisor.StackAdvisor}: {@code StackAdvisor.bundled()} gives the
 * advisor with the bundled rules; {@link org.stackadvisor.StackAdvisor#decide(java.nio.file.Path)}
 * or {@link org.stackadvisor.StackAdvisor#decide(Project)} returns a {@link org.stackadvisor.Decision}
 * whose {@code toJson()} is the decision contract. Describe a project with {@link
 * org.stackadvisor.Project#builder(String)} or {@link org.stackadvisor.Project#parse(String)}.
 * Bad input throws {@link org.stackadvisor.InvalidFactsException}, a bad rule base {@link
 * org.stackadvisor.InvalidRuleBaseException}; both list every {@link org.stackadvisor.Problem}.
 * {@link org.stackadvisor.authoring.Scenario} runs scenario tests written as files. For rule authors,
 * {@link org.stackadvisor.authoring.Verification} compiles and lints a rule base, {@link
 * org.stackadvisor.authoring.ClaimCoverage} maps claims to rules and scenarios, and {@link
 * org.stackadvisor.authoring.OutcomeAnalysis} probes the fact space for dead rules, tensions and ties.
 *
 * <p>For auditors: every {@link org.stackadvisor.Conclusion} carries a {@link org.stackadvisor.Proof}
 * down to the input facts; {@link org.stackadvisor.StackAdvisor#replay(java.nio.file.Path)} re-decides
 * a saved decision and returns a {@link org.stackadvisor.audit.Replay} that says what differs;
 * {@link org.stackadvisor.audit.AuditLog} is a {@link org.stackadvisor.DecisionListener} that appends each
 * decision to a hash-chained JSON Lines log, and {@link org.stackadvisor.audit.AuditLog#verify(java.nio.file.Path)}
 * checks one; {@link org.stackadvisor.explain.ReportPage} writes a self-contained HTML page about a decision.
 *
 * <p>An embedding application shares one thread-safe {@code StackAdvisor}, configures it with
 * {@link org.stackadvisor.StackAdvisor#builder()} (a rules folder, scenarios that guard reloads,
 * a {@link org.stackadvisor.DecisionListener} that receives every decision), and picks up edited
 * rules with {@link org.stackadvisor.StackAdvisor#reload()}, whose {@link
 * org.stackadvisor.ReloadResult} says whether the new rule base was swapped in or why not.
 *
 * <pre>{@code
 * StackAdvisor advisor = StackAdvisor.bundled();
 * Decision decision = advisor.decide(Path.of("facts/live-chat.json"));
 * System.out.println(decision.verdict());
 * System.out.println(decision.toJson());
 * }</pre>
 *
 * <p>No Drools type appears in this package's public signatures; the engine's classes are
 * package-private, and {@code org.stackadvisor.internal} holds the fact types the rules use.
 */
package org.stackadvisor;
