/**
 * Stack Advisor: decides Node.js or Python for a project's back end with a Drools knowledge base
 * that encodes an article claim by claim, and explains every decision. <b>Start here</b>: this
 * package is what an embedding application uses.
 *
 * <p>Start with {@link org.stackadvisor.StackAdvisor}: {@code StackAdvisor.bundled()} gives the
 * advisor with the bundled rules; {@link org.stackadvisor.StackAdvisor#decide(java.nio.file.Path)}
 * or {@link org.stackadvisor.StackAdvisor#decide(Project)} returns a {@link org.stackadvisor.Decision}
 * whose {@code toJson()} is the decision contract. Describe a project with {@link
 * org.stackadvisor.Project#builder(String)} or {@link org.stackadvisor.Project#parse(String)}.
 * Bad input throws {@link org.stackadvisor.InvalidFactsException}, a bad rule base {@link
 * org.stackadvisor.InvalidRuleBaseException}; both list every {@link org.stackadvisor.Problem}.
 * Every {@link org.stackadvisor.Conclusion} carries a {@link org.stackadvisor.Proof} down to the
 * input facts and cites its {@link org.stackadvisor.Claim}s; every {@link org.stackadvisor.Firing}
 * is in the decision's trace.
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
 * <p>Three packages build on this one, each for one kind of user, and none uses another:
 * <ul>
 * <li>{@link org.stackadvisor.audit} for auditors: {@link org.stackadvisor.audit.AuditLog}, a
 * {@code DecisionListener} that appends each decision to a hash-chained JSON Lines log, its
 * {@link org.stackadvisor.audit.AuditLog#verify(java.nio.file.Path) verify}, and {@link
 * org.stackadvisor.audit.Replay}, what {@link org.stackadvisor.StackAdvisor#replay(java.nio.file.Path)}
 * returns: a saved decision decided again and compared;</li>
 * <li>{@link org.stackadvisor.authoring} for rule authors and architects: {@link
 * org.stackadvisor.authoring.Verification} compiles and lints a rule base, {@link
 * org.stackadvisor.authoring.Scenario} runs scenario tests written as files, {@link
 * org.stackadvisor.authoring.ClaimCoverage} maps claims to rules and scenarios, and {@link
 * org.stackadvisor.authoring.OutcomeAnalysis} probes the fact space for dead rules, tensions and ties;</li>
 * <li>{@link org.stackadvisor.explain} for anyone asking "why?": {@link
 * org.stackadvisor.explain.WhatIf}, {@link org.stackadvisor.explain.WhyNotRule} and {@link
 * org.stackadvisor.explain.WhyNotCandidate} (what {@code StackAdvisor.whatIf}, {@code whyNotRule}
 * and {@code whyNotCandidate} return), and {@link org.stackadvisor.explain.ReportPage}, a
 * self-contained HTML page about a decision.</li>
 * </ul>
 *
 * <p>No Drools or KIE type appears in this package or those three, in a signature or an import of
 * a public class: the engine is in {@code org.stackadvisor.internal.engine}, which is not API, and
 * {@code org.stackadvisor.internal.facts} holds the fact types the rules use. The command line,
 * {@code org.stackadvisor.cli}, is a client of these public packages only.
 */
package org.stackadvisor;
