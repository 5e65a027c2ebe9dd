/**
 * The library catalogue: which ecosystem (python, nodejs or ambiguous) each of the most used PyPI
 * and npm packages belongs to, read from a rule base's {@code library-catalogue.tsv}. For the rule
 * base's own use; not part of the embedding API.
 */
package org.stackadvisor.internal.catalogue;
