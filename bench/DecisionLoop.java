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
 * with an older build and this one, on the same files. Uses only API that every build has.
 */
public final class DecisionLoop {
    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        List<Project> projects = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(args[0]), "*.json")) {
            files.forEach(file -> projects.add(Project.read(file)));
        }
        Collections.sort(projects, (a, b) -> a.name().compareTo(b.name()));
        StackAdvisor advisor = StackAdvisor.bundled();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int warmUp = 0; warmUp < 4; warmUp++) {
            for (Project project : projects) {
                for (int i = 0; i < 500; i++) {
                    sink = advisor.decide(project);
                }
            }
        }
        long start = threads.getCurrentThreadCpuTime();
        for (Project project : projects) {
            for (int i = 0; i < 1000; i++) {
                sink = advisor.decide(project);
            }
        }
        System.out.printf("%.1f%n", (threads.getCurrentThreadCpuTime() - start) / 1000.0 / (1000.0 * projects.size()));
    }
}
