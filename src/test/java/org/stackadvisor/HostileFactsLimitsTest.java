package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile facts cost bounded memory: the limits stop reading and parsing early, so rejecting
 * even a 10 MB file, an endless device or a document of 200,000 values allocates a few
 * megabytes at most (measured per thread, so the test is not disturbed by other threads).
 */
class HostileFactsLimitsTest {
    private static final long MEGABYTE = 1024 * 1024;
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();

    @TempDir
    Path folder;

    @Test
    void whenATenMegabyteFileIsRejected_thenItIsNeverRead() throws Exception {
        byte[] big = new byte[10 * (int) MEGABYTE];
        Arrays.fill(big, (byte) '[');
        Path file = Files.write(folder.resolve("big.json"), big);
        assertThat(allocatedWhileRejecting(file)).isLessThan(2 * MEGABYTE);
    }

    @Test
    void whenADeviceNeverEnds_thenReadingStopsPastTheLimit() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero));
        assertThat(allocatedWhileRejecting(zero)).isLessThan(16 * MEGABYTE);
    }

    @Test
    void whenADocumentHasTooManyValues_thenParsingStopsAtTheLimit() throws Exception {
        String values = IntStream.range(0, 200_000).mapToObj(i -> "1").collect(Collectors.joining(","));
        Path file = Files.writeString(folder.resolve("values.json"), "{\"name\": \"x\", \"traits\": [" + values + "]}");
        assertThat(allocatedWhileRejecting(file)).isLessThan(32 * MEGABYTE);
    }

    @Test
    void whenOneLineIsHuge_thenTheTextIsNotCollected() throws Exception {
        Path file = Files.write(folder.resolve("line.json"),
                ("{\"name\": \"" + "a".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(allocatedWhileRejecting(file)).isLessThan(32 * MEGABYTE);
    }

    @Test
    void whenTheFileLimitIsConfigured_thenTheAdvisorUsesIt() throws Exception {
        Path file = Files.writeString(folder.resolve("small.json"), "{\"name\": \"just over fifty bytes of facts, for the test\"}");
        StackAdvisor strict = StackAdvisor.builder().maxFactsFileBytes(50).build();

        InvalidFactsException rejected = catchThrowableOfType(() -> strict.decide(file), InvalidFactsException.class);

        assertThat(rejected.problems()).singleElement().hasToString(file + ": is " + Files.size(file)
                + " bytes; facts files are limited to 50 bytes");
        assertThat(ADVISOR.decide(file).project()).isEqualTo("just over fifty bytes of facts, for the test");
    }

    private static long allocatedWhileRejecting(Path file) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        catchThrowableOfType(() -> ADVISOR.decide(file), InvalidFactsException.class);
        long before = threads.getThreadAllocatedBytes(thread);
        InvalidFactsException rejected = catchThrowableOfType(() -> ADVISOR.decide(file), InvalidFactsException.class);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(rejected).as("rejected").isNotNull();
        return allocated;
    }
}
