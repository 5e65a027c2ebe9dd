package org.stackadvisor.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The nearest changes to a project's facts that reach a goal (another verdict, a rule that
 * fires), and how far the search for them went. Every single change is tried first; pairs of
 * changes only when no single change reaches the goal, and at most a limited number of pairs:
 * {@link #cutShort()} says when the limit stopped the search before every pair was tried.
 *
 * <pre>{@code
 * NearestChanges nearest = advisor.whatIf(project).search();
 * if (nearest.alternatives().isEmpty() && nearest.cutShort()) {
 *     System.out.println("no change found among the first " + nearest.pairsTried() + " pairs");
 * }
 * }</pre>
 *
 * Immutable.
 */
public final class NearestChanges {
    private final List<Alternative> alternatives;
    private final int singleChangesTried;
    private final boolean pairsSearched;
    private final int pairsTried;
    private final int pairLimit;
    private final boolean cutShort;

    NearestChanges(List<Alternative> alternatives, int singleChangesTried, boolean pairsSearched, int pairsTried,
            int pairLimit, boolean cutShort) {
        this.alternatives = List.copyOf(alternatives);
        this.singleChangesTried = singleChangesTried;
        this.pairsSearched = pairsSearched;
        this.pairsTried = pairsTried;
        this.pairLimit = pairLimit;
        this.cutShort = cutShort;
    }

    /**
     * The changed projects that reach the goal, all with the fewest changes found (one, or two
     * when no single change does), in the vocabulary's field and term order.
     */
    public List<Alternative> alternatives() {
        return alternatives;
    }

    /** How many changes each alternative makes: 1 or 2, or 0 when none was found. */
    public int distance() {
        return alternatives.isEmpty() ? 0 : alternatives.get(0).changes().size();
    }

    /** How many single changes were tried. */
    public int singleChangesTried() {
        return singleChangesTried;
    }

    /** Whether pairs of changes were tried, because no single change reached the goal. */
    public boolean pairsSearched() {
        return pairsSearched;
    }

    /** How many pairs of changes were tried. */
    public int pairsTried() {
        return pairsTried;
    }

    /** The most pairs the search could try. */
    public int pairLimit() {
        return pairLimit;
    }

    /** Whether the pair limit stopped the search before every pair was tried. */
    public boolean cutShort() {
        return cutShort;
    }

    /** The search's extent in words, such as {@code 52 single changes tried; 1,212 pairs tried}. */
    public String extentText() {
        StringBuilder text = new StringBuilder().append(singleChangesTried).append(" single changes tried");
        if (pairsSearched) {
            text.append("; none reached it, so ").append(pairsTried).append(" pairs of changes were tried");
            if (cutShort) {
                text.append(", cut short at the limit of ").append(pairLimit).append(" pairs");
            }
        }
        return text.toString();
    }

    Map<String, Object> searchMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("singleChanges", singleChangesTried);
        map.put("pairsSearched", pairsSearched);
        map.put("pairsTried", pairsTried);
        map.put("pairLimit", pairLimit);
        map.put("cutShort", cutShort);
        return map;
    }

    List<Map<String, Object>> alternativesList() {
        return alternatives.stream().map(Alternative::toMap).collect(Collectors.toList());
    }
}
