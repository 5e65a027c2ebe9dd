package org.stackadvisor.internal.facts;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A fact that rules match or derive. Input facts come from the project and the manifest;
 * derived facts are values that rules insert logically, so equal ones merge under truth
 * maintenance.
 */
public interface RuleFact {

    /** The fact's type name as rules spell it. */
    String type();

    /** Whether the fact comes from the input (the project or the manifest) rather than a rule. */
    boolean isInput();

    /** The fact's fields in declaration order, for traces and proofs. */
    Map<String, Object> attributes();

    /** A one-line rendering such as {@code Term(field=traits, value=real-time)}. */
    static String describe(RuleFact fact) {
        return fact.type() + fact.attributes().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
