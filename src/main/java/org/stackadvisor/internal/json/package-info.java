/**
 * Not API: reading and writing JSON.
 *
 * <p>Start with {@link org.stackadvisor.internal.json.Json}, which writes the decision contract's
 * JSON (compact or pretty, each shared part once). {@link
 * org.stackadvisor.internal.json.JsonDocumentReader} parses a facts file or manifest with limits on
 * its size and depth and the line and column of every value, for problems that point at them;
 * {@link org.stackadvisor.internal.json.Hashing} gives the SHA-256 hex strings that name inputs,
 * rule bases and audit records.
 */
package org.stackadvisor.internal.json;
