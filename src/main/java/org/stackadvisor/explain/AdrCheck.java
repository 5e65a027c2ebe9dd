package org.stackadvisor.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.stackadvisor.Decision;
import org.stackadvisor.InvalidFactsException;
import org.stackadvisor.Problem;
import org.stackadvisor.Project;
import org.stackadvisor.StackAdvisor;

/**
 * Checks a folder of Architecture Decision Records against today's rule base: every record that
 * {@link MadrRecord} wrote (its front matter says {@code generator: stack-advisor}) has the facts
 * it was decided from decided again, and is current when the verdict, the scores and the drivers
 * (the claims that weighed, with their candidates and weights) are what the record says, stale
 * otherwise, with what changed. Records written by hand are skipped and counted. A check an
 * architect puts in CI, so that a decision whose reasoning moved is looked at again.
 *
 * <pre>{@code
 * AdrCheck check = AdrCheck.run(StackAdvisor.bundled(), Path.of("docs/decisions"));
 * for (AdrCheck.Entry entry : check.entries()) {
 *     System.out.println(entry.file() + ": " + entry.state() + " " + entry.changes());
 * }
 * check.allCurrent();      // false when a record is stale or cannot be read
 * }</pre>
 *
 * Immutable.
 */
public final class AdrCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("(`{3,})(.*)");

    /** What the check found of one record. */
    public enum State {
        /** Today's rule base gives the verdict, scores and drivers the record states. */
        CURRENT,
        /** Today's rule base decides the record's facts otherwise, or no longer accepts them. */
        STALE,
        /** The record says Stack Advisor wrote it, but its facts or its outcome cannot be read from it. */
        UNREADABLE
    }

    private final Path directory;
    private final List<Entry> entries;
    private final List<Path> skipped;

    private AdrCheck(Path directory, List<Entry> entries, List<Path> skipped) {
        this.directory = directory;
        this.entries = List.copyOf(entries);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Checks every Markdown file directly in {@code directory}, by name, with {@code advisor}'s rule base.
     *
     * @throws NoSuchFileException when {@code directory} does not exist
     * @throws IOException when the folder cannot be listed
     */
    public static AdrCheck run(StackAdvisor advisor, Path directory) throws IOException {
        Objects.requireNonNull(advisor, "advisor");
        if (!Files.exists(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "no such folder");
        }
        if (!Files.isDirectory(directory)) {
            throw new NotDirectoryException(directory.toString());
        }
        List<Entry> entries = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Path file : MadrRecord.markdownFiles(directory)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (MalformedInputException e) {
                skipped.add(file);
                continue;
            } catch (IOException e) {
                entries.add(new Entry(file, State.UNREADABLE, null, null, List.of("cannot be read: " + e.getMessage())));
                continue;
            }
            if (!writtenByStackAdvisor(text)) {
                skipped.add(file);
                continue;
            }
            entries.add(check(advisor, file, text));
        }
        return new AdrCheck(directory, entries, skipped);
    }

    /** The folder checked. */
    public Path directory() {
        return directory;
    }

    /** Each record Stack Advisor wrote, by file name, with what the check found. */
    public List<Entry> entries() {
        return entries;
    }

    /** The Markdown files that Stack Advisor did not write (records written by hand, an index, a template): not checked. */
    public List<Path> skipped() {
        return skipped;
    }

    /** Whether every record Stack Advisor wrote is {@link State#CURRENT} (also when there are none). */
    public boolean allCurrent() {
        return entries.stream().allMatch(Entry::current);
    }

    /** In words: "3 records checked: 2 current, 1 stale; 1 skipped (not written by Stack Advisor)". */
    public String summary() {
        Map<State, Long> counts = new LinkedHashMap<>();
        for (State state : State.values()) {
            counts.put(state, entries.stream().filter(entry -> entry.state == state).count());
        }
        String states = counts.entrySet().stream().filter(count -> count.getValue() > 0 || count.getKey() != State.UNREADABLE)
                .map(count -> count.getValue() + " " + count.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return entries.size() + " record" + (entries.size() == 1 ? "" : "s") + " checked: " + states + "; " + skipped.size()
                + " skipped (not written by Stack Advisor)";
    }

    @Override
    public String toString() {
        return "AdrCheck[" + directory + ": " + summary() + "]";
    }

    static boolean writtenByStackAdvisor(String text) {
        List<String> lines = text.lines().collect(Collectors.toList());
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return false;
        }
        for (String line : lines.subList(1, lines.size())) {
            if (line.strip().equals("---")) {
                return false;
            }
            if (line.strip().equals(MadrRecord.GENERATOR)) {
                return true;
            }
        }
        return false;
    }

    /** The content of the fenced block with this info string, or null. */
    static String block(String text, String info) {
        List<String> lines = text.lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (open.matches() && open.group(2).strip().equals(info)) {
                StringBuilder content = new StringBuilder();
                for (int j = i + 1; j < lines.size(); j++) {
                    String line = lines.get(j).strip();
                    if (line.length() >= open.group(1).length() && line.chars().allMatch(c -> c == '`')) {
                        return content.toString();
                    }
                    content.append(lines.get(j)).append('\n');
                }
                return null;
            }
        }
        return null;
    }

    private static Entry check(StackAdvisor advisor, Path file, String text) {
        String facts = block(text, MadrRecord.FACTS_BLOCK);
        String recorded = block(text, MadrRecord.DECIDED_BLOCK);
        if (facts == null || recorded == null) {
            return new Entry(file, State.UNREADABLE, null, null, List.of("has no " + (facts == null ? "facts" : "outcome")
                    + " block (```" + (facts == null ? MadrRecord.FACTS_BLOCK : MadrRecord.DECIDED_BLOCK) + ")"));
        }
        JsonNode then;
        try {
            then = JSON.readTree(recorded);
        } catch (JsonProcessingException e) {
            return new Entry(file, State.UNREADABLE, null, null, List.of("its outcome block is not JSON: " + e.getOriginalMessage()));
        }
        String oldVerdict = then.path("verdict").asText(null);
        Decision now;
        try {
            now = advisor.decide(Project.parse(facts, file.getFileName().toString()));
        } catch (InvalidFactsException e) {
            List<String> changes = new ArrayList<>();
            changes.add("today's rule base refuses its facts");
            e.problems().stream().map(Problem::toString).forEach(changes::add);
            return new Entry(file, State.STALE, oldVerdict, null, changes);
        }
        List<String> changes = changes(then, JSON.valueToTree(MadrRecord.decided(now)));
        return new Entry(file, changes.isEmpty() ? State.CURRENT : State.STALE, oldVerdict, now.verdict(), changes);
    }

    /** What differs between the outcome a record states and today's: the verdict, each score, each driver, the facts. */
    private static List<String> changes(JsonNode then, JsonNode now) {
        List<String> changes = new ArrayList<>();
        String oldVerdict = then.path("verdict").asText("");
        String newVerdict = now.path("verdict").asText("");
        if (!oldVerdict.equals(newVerdict)) {
            changes.add("verdict was " + oldVerdict + ", is now " + newVerdict);
        }
        Set<String> candidates = new LinkedHashSet<>();
        then.path("scores").fieldNames().forEachRemaining(candidates::add);
        now.path("scores").fieldNames().forEachRemaining(candidates::add);
        for (String candidate : candidates) {
            JsonNode oldScore = then.path("scores").get(candidate);
            JsonNode newScore = now.path("scores").get(candidate);
            if (!Objects.equals(oldScore, newScore)) {
                changes.add("score of " + candidate + " was " + (oldScore == null ? "none" : oldScore.asText()) + ", is now "
                        + (newScore == null ? "none" : newScore.asText()));
            }
        }
        Map<String, Integer> oldDrivers = drivers(then);
        Map<String, Integer> newDrivers = drivers(now);
        oldDrivers.forEach((driver, weight) -> {
            Integer current = newDrivers.get(driver);
            if (current == null) {
                changes.add("driver " + driver + " (+" + weight + ") no longer weighs");
            } else if (!current.equals(weight)) {
                changes.add("driver " + driver + " weighed +" + weight + ", now +" + current);
            }
        });
        newDrivers.forEach((driver, weight) -> {
            if (!oldDrivers.containsKey(driver)) {
                changes.add("driver " + driver + " (+" + weight + ") weighs now");
            }
        });
        if (!then.path("inputSha256").asText("").equals(now.path("inputSha256").asText())) {
            changes.add("its facts were edited after it was written (input sha256 was " + then.path("inputSha256").asText("none")
                    + ", is now " + now.path("inputSha256").asText() + ")");
        }
        return changes;
    }

    /** Each driver as "UC-3 for nodejs" (its claims joined by "+"), with its weight. */
    private static Map<String, Integer> drivers(JsonNode outcome) {
        Map<String, Integer> drivers = new LinkedHashMap<>();
        for (JsonNode driver : outcome.path("drivers")) {
            List<String> claims = new ArrayList<>();
            driver.path("claims").forEach(claim -> claims.add(claim.asText()));
            drivers.merge(String.join("+", claims) + " for " + driver.path("candidate").asText(), driver.path("weight").asInt(), Integer::sum);
        }
        return drivers;
    }

    /** One record Stack Advisor wrote, and what the check found. */
    public static final class Entry {
        private final Path file;
        private final State state;
        private final String recordedVerdict;
        private final String verdict;
        private final List<String> changes;

        Entry(Path file, State state, String recordedVerdict, String verdict, List<String> changes) {
            this.file = file;
            this.state = state;
            this.recordedVerdict = recordedVerdict;
            this.verdict = verdict;
            this.changes = List.copyOf(changes);
        }

        /** The record's file. */
        public Path file() {
            return file;
        }

        /** Current, stale or unreadable. */
        public State state() {
            return state;
        }

        /** Whether today's rule base gives what the record states. */
        public boolean current() {
            return state == State.CURRENT;
        }

        /** The verdict the record states, or null when it cannot be read. */
        public String recordedVerdict() {
            return recordedVerdict;
        }

        /** The verdict today's rule base gives the record's facts, or null when they cannot be decided. */
        public String verdict() {
            return verdict;
        }

        /**
         * What changed, one line each ("verdict was python, is now either", "score of python was 2,
         * is now 1", "driver UC-3 for nodejs (+2) no longer weighs"); empty when current.
         */
        public List<String> changes() {
            return changes;
        }

        @Override
        public String toString() {
            return file.getFileName() + ": " + state.name().toLowerCase(Locale.ROOT)
                    + (changes.isEmpty() ? "" : " (" + String.join("; ", changes) + ")");
        }
    }
}
