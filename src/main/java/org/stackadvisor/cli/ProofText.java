package org.stackadvisor.cli;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.stackadvisor.Proof;

/**
 * Renders a proof as an indented tree that reads top down: each fact, then the firings that
 * derived it ("because"), then the facts each firing matched, down to the input facts. Every
 * line ends with its claim IDs, or {@code [input]} for an input fact.
 */
final class ProofText {
    private ProofText() {
    }

    static String render(Proof proof) {
        StringBuilder text = new StringBuilder();
        fact(text, proof, "");
        return text.toString();
    }

    private static void fact(StringBuilder text, Proof proof, String indent) {
        text.append(indent).append(Text.safe(proof.describe())).append("  ");
        if (proof.input()) {
            text.append(proof.type().equals("Absence") ? "[no fact matched this condition]\n" : "[input]\n");
            return;
        }
        if (proof.cycle()) {
            text.append("[cycle: this fact is being proved above]\n");
            return;
        }
        Set<String> claims = new TreeSet<>();
        proof.derivations().forEach(derivation -> claims.addAll(derivation.claims()));
        text.append(ids(List.copyOf(claims))).append('\n');
        for (Proof.Derivation derivation : proof.derivations()) {
            text.append(indent).append("  because firing #").append(derivation.firing()).append(" \"")
                    .append(Text.safe(derivation.rule())).append("\"  ").append(ids(derivation.claims())).append('\n');
            for (Proof premise : derivation.premises()) {
                fact(text, premise, indent + "    ");
            }
        }
    }

    private static String ids(List<String> claims) {
        return "[" + String.join(", ", claims) + "]";
    }
}
