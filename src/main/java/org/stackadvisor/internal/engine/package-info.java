/**
 * Not API: the engine, the only code that uses Drools and KIE types (apart from the fact classes
 * of {@code internal.facts}).
 *
 * <p>Start with {@link org.stackadvisor.internal.engine.RuleBase}: a rule base loaded from {@link
 * org.stackadvisor.internal.engine.RuleBaseFiles} (a folder or the bundled rules), compiled from
 * DRL and decision tables ({@link org.stackadvisor.internal.engine.RuleText}, {@link
 * org.stackadvisor.internal.engine.DecisionTable}) or loaded from the build's executable model
 * ({@link org.stackadvisor.internal.engine.PrecompiledRuleBase}), with its sessions pooled ({@code
 * SessionPool}) and its agenda ordered ({@link org.stackadvisor.internal.engine.RuleOrder}). {@link
 * org.stackadvisor.internal.engine.DecisionRun} decides one project: it inserts the facts, fires
 * the rules while a {@code TraceRecorder} records every firing and {@code Justifications} every
 * logical insertion, and {@link org.stackadvisor.internal.engine.DecisionTrace} turns that record
 * into the conclusions, firings and proofs of a {@link org.stackadvisor.Decision}. {@link
 * org.stackadvisor.internal.engine.RuleLint} is the lint that {@code Verification} and a reload run.
 */
package org.stackadvisor.internal.engine;
