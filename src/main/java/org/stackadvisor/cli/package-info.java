/**
 * The {@code stack-advisor} command line: a client of the public packages only ({@code
 * org.stackadvisor}, {@code audit}, {@code authoring}, {@code explain}), never of {@code internal}.
 *
 * <p>Start with {@link org.stackadvisor.cli.StackAdvisorCommand}, the jar's main class, which lists
 * the subcommands ({@code decide}, {@code explain}, {@code replay}, {@code audit}, {@code report},
 * {@code whatif}, {@code whynot}, {@code verify}, {@code coverage}, {@code test}, {@code analyze}),
 * one class each. Exit codes are in {@code ExitCodes}; the text formats in {@code DecisionText},
 * {@code ExplanationText} and {@code ProofText}. The manual is {@code docs/commands.md}.
 */
package org.stackadvisor.cli;
