package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StackAdvisor#reload()}: a changed rule base that passes every check is swapped in; one
 * that does not compile, fails a scenario or never settles is rejected, the reason is returned and
 * logged, and the old rule base keeps serving.
 */
class StackAdvisorReloadTest {
    private static final Path LIVE_CHAT = Path.of("facts", "live-chat.json");
    private static final String REAL_TIME_EVIDENCE = "Real-time, data-heavy web work such as chat or streaming suits Node.js's asynchronous model";

    @TempDir
    Path folder;
    private Path rules;

    @BeforeEach
    void copyTheRules() throws Exception {
        rules = RulesCopy.into(folder);
    }

    @Test
    void whenGoodRulesChange_thenReloadSwapsThemInAndNewDecisionsNameTheNewHash() throws Exception {
        // given an advisor on a rules folder, guarded by the example scenarios
        StackAdvisor advisor = StackAdvisor.builder().rulesDirectory(rules).scenarios(Path.of("facts")).build();
        Decision before = advisor.decide(LIVE_CHAT);
        // when a rule's wording changes and the advisor reloads
        replace("use-cases.drl", REAL_TIME_EVIDENCE, "Chat and streaming are real-time and heavy on data: Node.js's asynchronous model suits them");
        ReloadResult reload = advisor.reload();
        // then the new rule base serves and decisions name it
        assertThat(reload.problems()).isEmpty();
        assertThat(reload.swapped()).isTrue();
        assertThat(reload.oldSha256()).isEqualTo(before.knowledgeBaseSha256());
        assertThat(reload.newSha256()).isNotEqualTo(reload.oldSha256()).isEqualTo(advisor.knowledgeBaseSha256());
        Decision after = advisor.decide(LIVE_CHAT);
        assertThat(after.knowledgeBaseSha256()).isEqualTo(reload.newSha256());
        assertThat(after.toJson()).contains("Chat and streaming are real-time").doesNotContain(REAL_TIME_EVIDENCE);
        assertThat(before.toJson()).contains(REAL_TIME_EVIDENCE);
    }

    @Test
    void whenARuleDoesNotCompile_thenReloadRejectsItNamingFileAndLineAndTheOldServes() throws Exception {
        // given an advisor on a rules folder
        StackAdvisor advisor = StackAdvisor.fromDirectory(rules);
        Decision before = advisor.decide(LIVE_CHAT);
        // when a rule is broken and the advisor reloads
        replace("backstory.drl", "Characteristic( name == \"real-time\" )", "Characteristic( nme == \"real-time\" )");
        ReloadResult reload = advisor.reload();
        // then the reload is rejected with the file and line, and the old rule base still decides
        assertThat(reload.swapped()).isFalse();
        assertThat(reload.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.source()).isEqualTo(rules.resolve("backstory.drl").toString());
            assertThat(problem.line()).isPositive();
        });
        assertThat(reload.newSha256()).isNotEmpty().isNotEqualTo(reload.oldSha256());
        assertOldServes(advisor, before);
    }

    @Test
    void whenARuleComparesATermTheVocabularyLacks_thenReloadRejectsItAsVerifyWouldAndTheOldServes() throws Exception {
        // given an advisor on a rules folder
        StackAdvisor advisor = StackAdvisor.fromDirectory(rules);
        Decision before = advisor.decide(LIVE_CHAT);
        // when a condition gets a typo that compiles but could never match, and the advisor reloads
        replace("classification.drl", "value in (\"real-time\", \"chat\", \"streaming\")", "value in (\"real-tme\", \"chat\", \"streaming\")");
        ReloadResult reload = advisor.reload();
        // then the lint's error rejects it, placed in the file
        assertThat(reload.swapped()).isFalse();
        assertThat(reload.problems()).extracting(Problem::toCompilerLine).anySatisfy(line -> assertThat(line)
                .startsWith(rules.resolve("classification.drl") + ":15:")
                .contains("error: unknown term 'real-tme' for field 'traits'", "did you mean 'real-time'?"));
        assertOldServes(advisor, before);
    }

    @Test
    void whenAScenarioFails_thenReloadRejectsTheRulesNamingTheScenarioAndTheOldServes() throws Exception {
        // given an advisor guarded by the example scenarios
        StackAdvisor advisor = StackAdvisor.builder().rulesDirectory(rules).scenarios(Path.of("facts")).build();
        Decision before = advisor.decide(LIVE_CHAT);
        // when a change makes no candidate lead by the margin any more, and the advisor reloads
        replace("manifest.json", "\"margin\": 2,", "\"margin\": 100,");
        ReloadResult reload = advisor.reload();
        // then the scenarios that expect a candidate fail and the old rule base still decides
        assertThat(reload.swapped()).isFalse();
        assertThat(reload.problems()).extracting(Problem::message)
                .contains("scenario live-chat failed: verdict: expected nodejs but was either (scores nodejs 10, python 0)");
        assertThat(reload.problems()).extracting(Problem::source)
                .contains(Path.of("facts", "expected", "live-chat.json").toAbsolutePath().toString());
        assertOldServes(advisor, before);
    }

    @Test
    void whenTheRulesNeverSettle_thenReloadRejectsThemEvenWithoutScenariosAndTheOldServes() throws Exception {
        // given an advisor with no scenarios
        StackAdvisor advisor = StackAdvisor.fromDirectory(rules);
        Decision before = advisor.decide(LIVE_CHAT);
        // when rules that derive counters forever are added and the advisor reloads
        Files.copy(Path.of("src", "test", "resources", "reload", "never-settles.drl"), rules.resolve("never-settles.drl"));
        ReloadResult reload = advisor.reload();
        // then the probe with an empty project hits the firing limit, and the old rule base still decides
        assertThat(reload.swapped()).isFalse();
        assertThat(reload.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .containsPattern("^deciding a project with no facts: the rules fired more than \\d+ times without settling")
                .contains("\"Every counter derives the next one\""));
        assertOldServes(advisor, before);
    }

    @Test
    void whenTheRulesFolderIsGone_thenReloadRejectsItWithNoNewHashAndTheOldServes() throws Exception {
        StackAdvisor advisor = StackAdvisor.fromDirectory(rules);
        Decision before = advisor.decide(LIVE_CHAT);
        try (Stream<Path> files = Files.list(rules)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(rules);
        ReloadResult reload = advisor.reload();
        assertThat(reload.swapped()).isFalse();
        assertThat(reload.newSha256()).isEmpty();
        assertThat(reload.problems()).extracting(Problem::toString).containsExactly(rules + ": no such folder");
        assertOldServes(advisor, before);
    }

    @Test
    void whenAReloadIsRejected_thenTheReasonIsLoggedAtWarn() throws Exception {
        StackAdvisor advisor = StackAdvisor.fromDirectory(rules);
        replace("backstory.drl", "Characteristic( name == \"real-time\" )", "Characteristic( nme == \"real-time\" )");
        PrintStream standardError = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ReloadResult reload;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            reload = advisor.reload();
        } finally {
            System.setErr(standardError);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("WARN", StackAdvisor.class.getName(), "rejected", rules.resolve("backstory.drl") + ":");
        assertThat(reload.toString()).contains(reload.oldSha256() + " keeps serving");
    }

    @Test
    void whenABundledAdvisorReloads_thenItRecompilesTheSameBundledRules() {
        StackAdvisor advisor = StackAdvisor.builder().scenarios(Path.of("facts")).build();
        String hash = advisor.knowledgeBaseSha256();
        ReloadResult reload = advisor.reload();
        assertThat(reload.problems()).isEmpty();
        assertThat(reload.swapped()).isTrue();
        assertThat(reload.newSha256()).isEqualTo(reload.oldSha256()).isEqualTo(hash);
        assertThat(advisor.decide(LIVE_CHAT).toJson()).isEqualTo(StackAdvisor.bundled().decide(LIVE_CHAT).toJson());
    }

    @Test
    void whenReloadChecksRun_thenListenersDoNotReceiveTheCheckDecisions() throws Exception {
        List<Decision> received = new ArrayList<>();
        StackAdvisor advisor = StackAdvisor.builder().rulesDirectory(rules).scenarios(Path.of("facts")).listener(received::add).build();
        assertThat(advisor.reload().swapped()).isTrue();
        assertThat(received).isEmpty();
    }

    @Test
    void whenRulesAreReloadedWhileOtherThreadsDecide_thenEachDecisionIsWhollyMadeByTheRuleBaseItNames() throws Exception {
        // given two versions of the rules that word one piece of evidence differently
        StackAdvisor advisor = StackAdvisor.fromDirectory(rules);
        String original = advisor.knowledgeBaseSha256();
        String reworded = "Chat and streaming are real-time and heavy on data: Node.js's asynchronous model suits them";
        // when two threads decide while the rules switch back and forth
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String[]> decisions = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> deciders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread thread = new Thread(() -> {
                try {
                    while (!done.get()) {
                        Decision decision = advisor.decide(LIVE_CHAT);
                        String json = decision.toJson();
                        decisions.add(new String[] {decision.knowledgeBaseSha256(),
                                json.contains(REAL_TIME_EVIDENCE) ? "original" : json.contains(reworded) ? "reworded" : "neither"});
                    }
                } catch (Throwable failure) {
                    failures.add(failure);
                }
            });
            thread.start();
            deciders.add(thread);
        }
        List<String> swappedIn = new ArrayList<>(List.of(original));
        for (int i = 0; i < 2; i++) {
            if (i == 0) {
                replace("use-cases.drl", REAL_TIME_EVIDENCE, reworded);
            } else {
                replace("use-cases.drl", reworded, REAL_TIME_EVIDENCE);
            }
            ReloadResult reload = advisor.reload();
            assertThat(reload.problems()).isEmpty();
            swappedIn.add(reload.newSha256());
        }
        done.set(true);
        for (Thread thread : deciders) {
            thread.join();
        }
        // then no decision failed, and each one's wording matches the rule base it names
        assertThat(failures).isEmpty();
        assertThat(swappedIn.get(2)).isEqualTo(original);
        assertThat(decisions).extracting(decision -> decision[0]).as("decisions were made by both versions")
                .contains(original, swappedIn.get(1));
        assertThat(decisions).allSatisfy(decision -> {
            assertThat(decision[0]).isIn(swappedIn);
            assertThat(decision[1]).as("the wording in a decision by " + decision[0])
                    .isEqualTo(decision[0].equals(original) ? "original" : "reworded");
        });
    }

    private void assertOldServes(StackAdvisor advisor, Decision before) {
        assertThat(advisor.knowledgeBaseSha256()).isEqualTo(before.knowledgeBaseSha256());
        assertThat(advisor.decide(LIVE_CHAT).toJson()).isEqualTo(before.toJson());
    }

    private void replace(String file, String text, String replacement) throws Exception {
        Path path = rules.resolve(file);
        String content = Files.readString(path);
        assertThat(content).as(file).contains(text);
        Files.writeString(path, content.replace(text, replacement));
    }
}
