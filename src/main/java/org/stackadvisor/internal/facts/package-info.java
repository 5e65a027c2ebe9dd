/**
 * The vocabulary of the rule base: the fact types DRL rules match ({@code Term}, {@code Candidate},
 * {@code DecisionMargin}) and insert logically ({@code Characteristic}, {@code LibraryFit},
 * {@code Evidence}, {@code Caveat}, {@code Score}, {@code Verdict}). For rule authors; not part of
 * the embedding API. Derived facts are values: truth maintenance merges equal ones.
 */
package org.stackadvisor.internal.facts;
