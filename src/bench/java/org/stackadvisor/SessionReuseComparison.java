package org.stackadvisor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.stackadvisor.internal.engine.SessionPool;
import org.stackadvisor.internal.facts.Candidate;
import org.stackadvisor.internal.facts.Term;
import org.stackadvisor.internal.facts.Verdict;

/**
 * Where {@link SessionPool#MAX_POOLED_RULES} comes from: a raw decision (no listeners) on a new
 * session against the same decision on a session reset and reused, on generated rule bases of
 * several sizes, timed in alternating slices of thread CPU time as {@link InterleavedComparison}
 * does. A reset visits every node's memory slot, so reuse stops paying as the rule base grows.
 *
 * <pre>
 * java -Xmx3g -cp "$(cat target/bench/classpath.txt)" org.stackadvisor.SessionReuseComparison [SIZES] [ROUNDS]
 * </pre>
 */
public final class SessionReuseComparison {
    private SessionReuseComparison() {
    }

    public static void main(String[] args) throws IOException {
        String sizes = args.length > 0 ? args[0] : "100,1000,2000,5000,10000";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        System.out.printf("raw decision on a new session against a reset, reused one: %d rounds of 1 s per path%n", rounds);
        for (String size : sizes.split(",")) {
            int rules = Integer.parseInt(size);
            StackAdvisor advisor = GeneratedRuleBase.build(rules, nanos -> { });
            BenchExamples examples = BenchExamples.of(advisor, List.of(GeneratedRuleBase.project(rules, 10, "10 terms")));
            SessionPool reused = new SessionPool(examples.ruleBase.kieBase, 0);
            List<Double> ratios = new ArrayList<>();
            double newRate = 0;
            double reusedRate = 0;
            for (int round = 0; round < rounds + 2; round++) {
                newRate = InterleavedComparison.slice(i -> decide(examples, examples.ruleBase.kieBase.newKieSession(), null), 1,
                        1_000_000_000L);
                reusedRate = InterleavedComparison.slice(i -> decide(examples, reused.take(), reused), 1, 1_000_000_000L);
                if (round >= 2) {
                    ratios.add(newRate / reusedRate);
                }
            }
            double ratio = InterleavedComparison.median(ratios);
            System.out.printf("  rules=%-6d new %8.2f us  reused %8.2f us  reused/new %.2fx (quartiles %.2f .. %.2f): reuse %s%n", rules,
                    1e6 / newRate, 1e6 / reusedRate, ratio, InterleavedComparison.quantile(ratios, 0.25),
                    InterleavedComparison.quantile(ratios, 0.75), ratio < 1 ? "pays" : "does not pay");
        }
    }

    private static Object decide(BenchExamples examples, KieSession session, SessionPool pool) {
        examples.insertInput(session, 0);
        session.fireAllRules();
        Object verdicts = session.getObjects(new ClassObjectFilter(Verdict.class)).size();
        if (pool == null) {
            session.dispose();
        } else {
            pool.giveBack(session, true);
        }
        return verdicts;
    }
}
