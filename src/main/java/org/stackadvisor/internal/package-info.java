/**
 * Not API: the implementation under the public packages, which may change in any release.
 * Classes here are public only because another package of this project needs them; they are left
 * out of the published Javadoc, the way OkHttp and Netty mark their internal packages.
 *
 * <p>Start with {@link org.stackadvisor.internal.engine} (everything that touches Drools). {@link
 * org.stackadvisor.internal.Access} is the one door into what {@code org.stackadvisor} keeps
 * package-private. {@code internal.json} reads and writes JSON, {@code internal.vocabulary} reads
 * the manifest and checks facts against it, and {@code internal.facts} holds the fact types the DRL
 * rules match and insert.
 */
package org.stackadvisor.internal;
