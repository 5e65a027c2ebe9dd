/**
 * How a facts document's text is read: its format (JSON or YAML, by the file's name or, on standard
 * input, by its first character), the YAML parser, and plain sentences for the parsers' errors.
 * For the reader of facts and manifests; not part of the embedding API.
 */
package org.stackadvisor.internal.input;
