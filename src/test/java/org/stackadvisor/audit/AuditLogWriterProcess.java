package org.stackadvisor.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stackadvisor.StackAdvisor;

/**
 * The process that the kill -9 tests start and kill: it decides the {@code facts/} examples in a
 * loop into an audit log and prints {@code record N written} once record N is whole and synced.
 *
 * <p>{@code AuditLogWriterProcess LOG loop} decides as fast as it can (at most 500 records).
 * {@code AuditLogWriterProcess LOG tear-after N} writes N whole records, then half of record
 * N+1, prints {@code half of record N+1 written} and waits (at most a minute) to be killed.
 */
public final class AuditLogWriterProcess {
    private static final int MAX_RECORDS = 500;

    private AuditLogWriterProcess() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path logFile = Path.of(args[0]);
        PrintStream out = System.out;
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            examples = files.filter(file -> file.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        int whole = args[1].equals("tear-after") ? Integer.parseInt(args[2]) : MAX_RECORDS;
        AuditLog.ChannelOpener tearing = FaultyChannel.opening(file -> {
            out.println("half of record " + (whole + 1) + " written");
            out.flush();
            Thread.sleep(60_000);
            System.exit(3);
        });
        int[] opened = {0};
        AuditLog log = new AuditLog(logFile, Clock.systemUTC(),
                (path, options) -> ++opened[0] <= whole ? FileChannel.open(path, options) : tearing.open(path, options));
        StackAdvisor advisor = StackAdvisor.builder().listener(log).build();
        for (int i = 1; i <= whole + 1 && i <= MAX_RECORDS; i++) {
            advisor.decide(examples.get(i % examples.size()));
            out.println("record " + i + " written");
            out.flush();
        }
    }
}
