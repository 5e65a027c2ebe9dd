package org.stackadvisor;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of {@link StackAdvisor#reload()}: whether the new rule base was swapped in, and if
 * not, every problem that kept it out while the old one went on serving.
 *
 * <pre>{@code
 * ReloadResult reload = advisor.reload();
 * if (reload.swapped()) {
 *     log.info("now deciding with rule base {}", reload.newSha256());
 * } else {
 *     reload.problems().forEach(problem -> log.warn("{}", problem));   // still on reload.oldSha256()
 * }
 * }</pre>
 *
 * <p>Immutable and safe to share.
 */
public final class ReloadResult {
    private final boolean swapped;
    private final String oldSha256;
    private final String newSha256;
    private final List<Problem> problems;

    ReloadResult(boolean swapped, String oldSha256, String newSha256, List<Problem> problems) {
        if (swapped && !problems.isEmpty()) {
            throw new IllegalArgumentException("a rule base with problems is never swapped in");
        }
        this.swapped = swapped;
        this.oldSha256 = Objects.requireNonNull(oldSha256, "oldSha256");
        this.newSha256 = Objects.requireNonNull(newSha256, "newSha256");
        this.problems = List.copyOf(problems);
    }

    /** Whether the new rule base passed every check and now makes the advisor's decisions. */
    public boolean swapped() {
        return swapped;
    }

    /** Why the new rule base was rejected, each problem naming its file; empty when it was swapped in. */
    public List<Problem> problems() {
        return problems;
    }

    /** The SHA-256 of the rule base that was serving when the reload began. */
    public String oldSha256() {
        return oldSha256;
    }

    /**
     * The SHA-256 of the rule base that was read for the reload (it equals {@link #oldSha256()}
     * when no file changed), or an empty string when its files could not be read at all.
     */
    public String newSha256() {
        return newSha256;
    }

    /** One line, then one indented line per problem: for logs and for people. */
    @Override
    public String toString() {
        if (swapped) {
            return "rule base " + newSha256 + " swapped in, replacing " + oldSha256;
        }
        return "rule base " + (newSha256.isEmpty() ? "(unreadable)" : newSha256) + " rejected, " + oldSha256
                + " keeps serving (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ")"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ", ":\n  ", ""));
    }
}
