package org.stackadvisor.audit;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;

/**
 * A service that decides on several threads with a signed audit log as its listener (issue 15:
 * signing at most 0.2 ms a record): the threads' records are appended in groups (a group commit),
 * so the log holds fewer signatures than records. Prints, for 1 and for T threads, the records a
 * second, the signatures in the log, and the process CPU per record with a signed log against an
 * unsigned one, side by side.
 *
 * <p>{@code java org.stackadvisor.audit.ListenerSigningThroughput [THREADS] [DECISIONS_PER_THREAD] [ROUNDS]}
 */
public final class ListenerSigningThroughput {
    private ListenerSigningThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path folder = Files.createTempDirectory("listener-signing");
        AuditKeys.generate(folder);
        Project project = Project.read(Path.of("facts/live-chat.json"));
        for (int round = 0; round <= rounds; round++) {
            for (int t : new int[] {1, threads}) {
                for (boolean signed : new boolean[] {false, true}) {
                    String result = run(folder, project, t, perThread * threads / t, signed, round);
                    if (round > 0) {
                        System.out.println(result);
                    }
                }
            }
        }
        System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    private static String run(Path folder, Project project, int threads, int perThread, boolean signed, int round) throws Exception {
        Path log = folder.resolve("log-" + round + "-" + threads + "-" + signed + ".jsonl");
        AuditLog.Builder builder = AuditLog.builder(log);
        if (signed) {
            builder.signingKey(AuditKeys.readPrivateKey(folder.resolve(AuditKeys.PRIVATE_KEY_FILE)));
        }
        StackAdvisor advisor = StackAdvisor.builder().listener(builder.build()).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            runs.add(pool.submit(() -> {
                for (int d = 0; d < perThread; d++) {
                    advisor.decide(project);
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        long wall = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuStart;
        pool.shutdown();
        int records = threads * perThread;
        int[] signatures = {0};
        AuditLog.read(log, record -> signatures[0] += record.signed() ? 1 : 0);
        return String.format("%2d thread%s, %-8s log: %5d records, %4d signatures, %7.0f records a second, %7.1f us CPU a record",
                threads, threads == 1 ? " " : "s", signed ? "signed" : "unsigned", records, signatures[0], records * 1e9 / wall,
                cpu / 1000.0 / records);
    }
}
