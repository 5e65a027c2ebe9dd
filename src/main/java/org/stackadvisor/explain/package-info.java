/**
 * Explanations: what would change a decision, why a rule did not fire, why a candidate did not win,
 * and a page that shows it all.
 *
 * <p>Start with {@link org.stackadvisor.StackAdvisor#whatIf(org.stackadvisor.Project)}, which
 * returns a {@link org.stackadvisor.explain.WhatIf}: the smallest {@link
 * org.stackadvisor.explain.FactChange}s to a project's facts that give another verdict, as
 * {@link org.stackadvisor.explain.NearestChanges} made of {@link org.stackadvisor.explain.Alternative}s.
 * {@link org.stackadvisor.StackAdvisor#whyNotRule(org.stackadvisor.Project, String)} and {@link
 * org.stackadvisor.StackAdvisor#whyNotCandidate(org.stackadvisor.Project, String)} return a
 * {@link org.stackadvisor.explain.WhyNotRule} and a {@link org.stackadvisor.explain.WhyNotCandidate};
 * rules are named by {@link org.stackadvisor.explain.RuleReference}. {@link
 * org.stackadvisor.explain.ReportPage} writes a self-contained HTML page about a decision with its
 * proofs and, given a {@code WhatIf}, what would change it.
 *
 * <p>The manual is {@code docs/explanations.md}.
 */
package org.stackadvisor.explain;
