/**
 * Not API: a rule base's manifest and the facts checked against its vocabulary.
 *
 * <p>Start with {@link org.stackadvisor.internal.vocabulary.Manifest}: the name, version,
 * candidates, margin, claim catalogue and vocabulary ({@link
 * org.stackadvisor.internal.vocabulary.FieldSpec} per fact path) of a rule base. {@link
 * org.stackadvisor.internal.vocabulary.FactsValidator} checks a {@link org.stackadvisor.Project}
 * against the vocabulary and gives {@link org.stackadvisor.internal.vocabulary.ValidFacts}, the
 * canonical facts a decision is made from; {@link org.stackadvisor.internal.vocabulary.Suggestions}
 * names the closest known word in a problem.
 */
package org.stackadvisor.internal.vocabulary;
