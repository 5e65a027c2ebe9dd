import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;

/**
 * Decides every facts file of a folder 1,000 times with whichever Stack Advisor jar is on the
 * class path, after a warm-up, and prints the thread CPU time per decision: run by bench/against
 * with an older build and this one, on the same files. Uses only API that every build has. The
 * warm-up lasts WARM_UP_S seconds of the thread's CPU time (second argument, default 20): on this
 * machine the JIT compiler needed 20 to 25 CPU-seconds before a decision's cost settled. A third
 * argument {@code path} decides each file from its path ({@code decide(Path)}: read, parse,
 * validate, decide) instead of its project read once ({@code decide(Project)}).
 *
 * Without a fourth argument each file is decided 1,000 times; with MEASURE_S, the files are
 * decided in turn for that many CPU-seconds (so that two runs started together are measured over
 * the same stretch of time: bench/against's SIDE_BY_SIDE=1).
 *
 * <p>{@code java -cp JAR bench/DecisionLoop.java FOLDER [WARM_UP_S] [project|path] [MEASURE_S]}
 */
public final class DecisionLoop {
    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(args[0]), "*.json")) {
            files.forEach(paths::add);
        }
        Collections.sort(paths);
        boolean fromPath = args.length > 2 && args[2].equals("path");
        StackAdvisor advisor = StackAdvisor.bundled();
        List<Runnable> projects = new ArrayList<>();
        for (Path path : paths) {
            Project project = Project.read(path);
            projects.add(fromPath ? () -> sink = advisor.decide(path) : () -> sink = advisor.decide(project));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmUpNanos = (long) ((args.length > 1 ? Double.parseDouble(args[1]) : 20) * 1e9);
        long warmUpStart = threads.getCurrentThreadCpuTime();
        while (threads.getCurrentThreadCpuTime() - warmUpStart < warmUpNanos) {
            for (Runnable project : projects) {
                for (int i = 0; i < 100; i++) {
                    project.run();
                }
            }
        }
        long start = threads.getCurrentThreadCpuTime();
        long decisions = 0;
        if (args.length > 3) {
            long measureNanos = (long) (Double.parseDouble(args[3]) * 1e9);
            while (threads.getCurrentThreadCpuTime() - start < measureNanos) {
                for (Runnable project : projects) {
                    for (int i = 0; i < 20; i++) {
                        project.run();
                    }
                }
                decisions += 20L * projects.size();
            }
        } else {
            for (Runnable project : projects) {
                for (int i = 0; i < 1000; i++) {
                    project.run();
                }
            }
            decisions = 1000L * projects.size();
        }
        System.out.printf("%.1f%n", (threads.getCurrentThreadCpuTime() - start) / 1000.0 / decisions);
    }
}
