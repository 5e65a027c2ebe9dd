package org.stackadvisor.internal.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The order in which the agenda takes rules that are ready at the same time, worked out from the
 * facts the rules derive: a rule that derives a type of fact comes before every rule that reads that
 * type. So the classification rules fire before the rules that read characteristics, all evidence
 * is in before the scores are summed, and the scores before the verdict; no salience is needed.
 *
 * <p>Why it matters: Drools takes rules of equal salience by their load order, which otherwise
 * follows how Drools happens to iterate the rule files. A score summed before all the evidence is
 * in is summed again for each later piece (and the verdict decided again), which the trace then
 * shows as superseded firings: the result is the same, since truth maintenance retracts what no
 * longer holds, but the work and the trace are longer. Rules in a cycle of derivations, and rules
 * with no derived fact between them, keep the order of their files (path order) and lines.
 *
 * <p>What a rule derives and reads is read from its text: the types it {@code new}s in an
 * {@code insert} or {@code insertLogical}, and the types it names as patterns before {@code then}.
 * Only the order of firings depends on it, never what the rules conclude.
 */
final class RuleOrder {
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern COMMENT = Pattern.compile("//[^\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
    private static final Pattern PATTERN_TYPE = Pattern.compile("(?<![\\w.$])((?:[a-z_]\\w*\\.)*[A-Z]\\w*)\\s*\\(");
    private static final Pattern INSERTED_TYPE = Pattern.compile(
            "\\binsert(?:Logical)?\\s*\\(\\s*new\\s+((?:[a-z_]\\w*\\.)*[A-Z]\\w*)\\s*\\(");

    private RuleOrder() {
    }

    /** The names of the rules in the order the agenda should prefer them. */
    static List<String> of(Collection<RuleSource> rules) {
        List<RuleSource> byPlace = new ArrayList<>(rules);
        byPlace.sort(Comparator.comparing((RuleSource rule) -> rule.file).thenComparingInt(rule -> rule.line)
                .thenComparing(rule -> rule.name));
        int count = byPlace.size();
        Map<String, List<Integer>> derivers = new HashMap<>();
        List<Set<String>> reads = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String text = withoutLiteralsAndComments(byPlace.get(index).text);
            Matcher then = THEN.matcher(text);
            int thenAt = then.find() ? then.start() : text.length();
            Matcher when = WHEN.matcher(text);
            int whenAt = when.find() && when.start() < thenAt ? when.end() : thenAt;
            reads.add(typesNamed(PATTERN_TYPE, text.substring(whenAt, thenAt)));
            for (String type : typesNamed(INSERTED_TYPE, text.substring(thenAt))) {
                derivers.computeIfAbsent(type, key -> new ArrayList<>()).add(index);
            }
        }
        List<List<Integer>> readers = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            readers.add(new ArrayList<>());
        }
        for (int reader = 0; reader < count; reader++) {
            Set<Integer> before = new HashSet<>();
            for (String type : reads.get(reader)) {
                for (int deriver : derivers.getOrDefault(type, List.of())) {
                    if (deriver != reader && before.add(deriver)) {
                        readers.get(deriver).add(reader);
                    }
                }
            }
        }
        return topologically(byPlace, readers);
    }

    /**
     * The rules in topological order of their strongly connected components (Tarjan's algorithm,
     * without recursion so that long chains of rules cannot overflow the stack), taking the free
     * component whose first rule comes first by place; inside a component, rules keep their places.
     */
    private static List<String> topologically(List<RuleSource> byPlace, List<List<Integer>> readers) {
        int count = byPlace.size();
        int[] component = components(readers);
        int components = 0;
        for (int index = 0; index < count; index++) {
            components = Math.max(components, component[index] + 1);
        }
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < components; c++) {
            members.add(new ArrayList<>());
        }
        for (int index = 0; index < count; index++) {
            members.get(component[index]).add(index);
        }
        int[] waitingFor = new int[components];
        List<Set<Integer>> next = new ArrayList<>();
        for (int c = 0; c < components; c++) {
            next.add(new HashSet<>());
        }
        for (int deriver = 0; deriver < count; deriver++) {
            for (int reader : readers.get(deriver)) {
                if (component[deriver] != component[reader] && next.get(component[deriver]).add(component[reader])) {
                    waitingFor[component[reader]]++;
                }
            }
        }
        PriorityQueue<Integer> free = new PriorityQueue<>(Comparator.comparingInt(c -> members.get(c).get(0)));
        for (int c = 0; c < components; c++) {
            if (waitingFor[c] == 0) {
                free.add(c);
            }
        }
        List<String> order = new ArrayList<>(count);
        while (!free.isEmpty()) {
            int c = free.poll();
            members.get(c).forEach(index -> order.add(byPlace.get(index).name));
            for (int reader : next.get(c)) {
                if (--waitingFor[reader] == 0) {
                    free.add(reader);
                }
            }
        }
        return order;
    }

    /** Each rule's strongly connected component in the graph from a rule to the rules that read what it derives. */
    private static int[] components(List<List<Integer>> edges) {
        int count = edges.size();
        int[] index = new int[count];
        int[] low = new int[count];
        int[] component = new int[count];
        int[] nextEdge = new int[count];
        boolean[] onStack = new boolean[count];
        Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        Deque<Integer> calls = new ArrayDeque<>();
        int counter = 0;
        int components = 0;
        for (int root = 0; root < count; root++) {
            if (index[root] >= 0) {
                continue;
            }
            calls.push(root);
            index[root] = low[root] = counter++;
            stack.push(root);
            onStack[root] = true;
            while (!calls.isEmpty()) {
                int node = calls.peek();
                if (nextEdge[node] < edges.get(node).size()) {
                    int target = edges.get(node).get(nextEdge[node]++);
                    if (index[target] < 0) {
                        index[target] = low[target] = counter++;
                        stack.push(target);
                        onStack[target] = true;
                        calls.push(target);
                    } else if (onStack[target]) {
                        low[node] = Math.min(low[node], index[target]);
                    }
                    continue;
                }
                calls.pop();
                if (!calls.isEmpty()) {
                    low[calls.peek()] = Math.min(low[calls.peek()], low[node]);
                }
                if (low[node] == index[node]) {
                    int member;
                    do {
                        member = stack.pop();
                        onStack[member] = false;
                        component[member] = components;
                    } while (member != node);
                    components++;
                }
            }
        }
        return component;
    }

    /**
     * Gives the knowledge base's rules their load order, which the agenda uses to choose among
     * rules of equal salience. Drools itself sets it this way when it updates a knowledge base in
     * place; it must be done before the first session is made.
     */
    static void apply(KieBase kieBase, List<String> order) {
        Map<String, Integer> position = new HashMap<>();
        for (int index = 0; index < order.size(); index++) {
            position.put(order.get(index), index);
        }
        Deque<RuleImpl> unordered = new ArrayDeque<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                Integer at = position.get(rule.getName());
                if (at == null) {
                    unordered.add((RuleImpl) rule);
                } else {
                    ((RuleImpl) rule).setLoadOrder(at);
                }
            }
        }
        int next = order.size();
        for (RuleImpl rule : unordered) {
            rule.setLoadOrder(next++);
        }
    }

    private static Set<String> typesNamed(Pattern pattern, String text) {
        Set<String> types = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String type = matcher.group(1);
            types.add(type.substring(type.lastIndexOf('.') + 1));
        }
        return types;
    }

    private static String withoutLiteralsAndComments(String text) {
        return COMMENT.matcher(STRING_LITERAL.matcher(text).replaceAll("\"\"")).replaceAll("");
    }
}
