/**
 * For rule authors and architects: checks of a rule base before anyone serves it.
 *
 * <p>Start with {@link org.stackadvisor.authoring.Verification#of(java.nio.file.Path)}: it compiles
 * a rules folder, lints it (terms the vocabulary lacks, claims no rule cites, rules that can never
 * fire) and checks that it settles. Then {@link org.stackadvisor.authoring.Scenario} runs the
 * scenario tests written as files, each giving a {@link org.stackadvisor.authoring.ScenarioResult};
 * {@link org.stackadvisor.authoring.ClaimCoverage} maps the article's claims to the rules that
 * cite them and the scenarios that exercise those; and {@link
 * org.stackadvisor.authoring.OutcomeAnalysis} probes the fact space for dead rules, tensions and ties.
 *
 * <p>The manual is {@code docs/authoring.md}; the rules themselves are in {@code rules/}.
 */
package org.stackadvisor.authoring;
