package org.stackadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.stackadvisor.internal.input.FactsFormat;
import org.stackadvisor.internal.json.JsonDocumentReader;

/**
 * What reading a facts file costs beside a decision (issue 17: at most a third of a traced
 * decision), in alternating slices of thread CPU time, as {@link InterleavedComparison} times its
 * paths: the file read now, the file read as it was before (a second read to find the end, every
 * value placed), the system calls alone (open, size, one read, close: the floor), the two parses
 * alone, and decide(Path) against decide(Project).
 *
 * <p>{@code java org.stackadvisor.FileReadComparison [ROUNDS] [SLICE_MILLIS] [WARMUP_SECONDS]}
 */
public final class FileReadComparison {
    private FileReadComparison() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 250) * 1_000_000L;
        long warmupNanos = (args.length > 2 ? Long.parseLong(args[2]) : 8) * 1_000_000_000L;
        BenchExamples examples = BenchExamples.bundled(Path.of("facts"));
        List<String> texts = new ArrayList<>();
        for (Path file : examples.files) {
            texts.add(Files.readString(file));
        }
        Map<String, IntFunction<Object>> paths = new LinkedHashMap<>();
        paths.put("c_decideProject", i -> examples.advisor.decide(examples.projects.get(i)));
        paths.put("f_decideFile", i -> examples.advisor.decide(examples.files.get(i)));
        paths.put("t_decideText", i -> examples.advisor.decide(Project.parse(texts.get(i), "x.json")));
        paths.put("r_readNow", i -> Project.read(examples.files.get(i)));
        paths.put("r0_readBefore", i -> readAsBefore(examples.files.get(i)));
        paths.put("s_systemCallsOnly", i -> systemCallsOnly(examples.files.get(i)));
        paths.put("v_parseValues", i -> JsonDocumentReader.readValues(texts.get(i)));
        paths.put("p_parsePlacing", i -> JsonDocumentReader.read(texts.get(i), "x.json", FactsFormat.JSON));
        InterleavedComparison.warmUp(paths, examples.size(), warmupNanos);
        List<String> names = new ArrayList<>(paths.keySet());
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        names.forEach(name -> micros.put(name, new ArrayList<>()));
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (String ratio : List.of("f/c", "t/c", "r/c", "r/r0", "s/r", "v/p")) {
            ratios.put(ratio, new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            java.util.Collections.rotate(names, 1);
            Map<String, Double> us = new LinkedHashMap<>();
            for (String name : names) {
                double perOp = 1e6 / InterleavedComparison.measure(paths.get(name), examples.size(), sliceNanos).perThreadCpuSecond();
                us.put(name, perOp);
                micros.get(name).add(perOp);
            }
            ratios.get("f/c").add(us.get("f_decideFile") / us.get("c_decideProject"));
            ratios.get("t/c").add(us.get("t_decideText") / us.get("c_decideProject"));
            ratios.get("r/c").add(us.get("r_readNow") / us.get("c_decideProject"));
            ratios.get("r/r0").add(us.get("r_readNow") / us.get("r0_readBefore"));
            ratios.get("s/r").add(us.get("s_systemCallsOnly") / us.get("r_readNow"));
            ratios.get("v/p").add(us.get("v_parseValues") / us.get("p_parsePlacing"));
        }
        System.out.printf("from file to decision, by thread CPU time: %d rounds of %d ms per path, %d examples%n", rounds,
                sliceNanos / 1_000_000, examples.size());
        micros.forEach((name, values) -> System.out.printf("  %-20s %8.2f us/op (quartiles %.2f .. %.2f)%n", name,
                InterleavedComparison.median(values), InterleavedComparison.quantile(values, 0.25), InterleavedComparison.quantile(values, 0.75)));
        System.out.println("  ratios, median over rounds of adjacent slices (quartiles):");
        ratios.forEach((name, values) -> System.out.printf("    %-5s %5.2fx (%.2f .. %.2f)%s%n", name, InterleavedComparison.median(values),
                InterleavedComparison.quantile(values, 0.25), InterleavedComparison.quantile(values, 0.75), meaning(name)));
        double f = InterleavedComparison.median(micros.get("f_decideFile"));
        System.out.printf("    decide(Path) per CPU-second on one thread: %.0f (target >= 25,000)%n", 1e6 / f);
    }

    private static String meaning(String ratio) {
        switch (ratio) {
            case "f/c":
                return "   decide(Path) against decide(Project); target <= 1.33x";
            case "t/c":
                return "   decide(Project.parse(text)) against decide(Project): a new project, no file";
            case "r/c":
                return "   reading a file against a decision; target <= 0.33x";
            case "r/r0":
                return "   reading now against reading as before";
            case "s/r":
                return "   the share of a read that is the four system calls";
            default:
                return "   parsing without places against parsing with them";
        }
    }

    /** The former Project.read: a second read to find the end, a strict decode, every value placed. */
    private static Object readAsBefore(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.size();
            byte[] bytes = Channels.newInputStream(channel).readNBytes((int) Project.DEFAULT_MAX_FILE_SIZE + 1);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return JsonDocumentReader.read(text, file.toString(), FactsFormat.JSON).root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object systemCallsOnly(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size() + 1);
            channel.read(buffer);
            return buffer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
