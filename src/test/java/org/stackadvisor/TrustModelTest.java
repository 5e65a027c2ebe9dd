package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust model of SECURITY.md, checked: facts are data and never become code, rules come only
 * from the rule base's folder, and nothing is deserialized or parsed as XML.
 */
class TrustModelTest {
    private static final StackAdvisor ADVISOR = StackAdvisor.bundled();
    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    @TempDir
    Path folder;

    @Test
    void whenTheMainSourcesAreRead_thenNoJavaSerializationIsUsed() throws IOException {
        assertThat(mainSourcesMatching("ObjectInputStream|ObjectOutputStream|readObject|writeObject|readResolve|implements\\s+[^{]*Serializable"
                + "|Marshaller|SerializationUtils|XMLDecoder")).isEmpty();
    }

    @Test
    void whenTheMainSourcesAreRead_thenJsonIsReadIntoPlainValuesOnly() throws IOException {
        // Jackson reads JSON into trees or plain maps only: never into a type the document names.
        assertThat(mainSourcesMatching("DefaultTyping|JsonTypeInfo|JsonSubTypes|\\.treeToValue\\(|\\.convertValue\\(|\\.readerFor"
                + "|\\.readValue\\((?![^;]*\\b(Object|Map)\\.class)")).isEmpty();
    }

    @Test
    void whenTheMainSourcesAreRead_thenNoXmlIsParsedAndNoClassIsLoadedByName() throws IOException {
        assertThat(mainSourcesMatching("DocumentBuilderFactory|SAXParserFactory|XMLInputFactory|TransformerFactory|XMLReader|kmodule\\.xml"
                + "|Class\\.forName|loadClass|ScriptEngine|MVEL\\.eval")).isEmpty();
    }

    @Test
    void whenADocumentParses_thenItHoldsOnlyPlainValues() {
        Project project = Project.parse("{\"name\": \"x\", \"@class\": \"java.lang.ProcessBuilder\", \"traits\": [\"java.util.HashMap\", "
                + "{\"@type\": \"java.net.URL\", \"val\": \"http://example.invalid\"}, 1e999999, null, true]}");

        assertThat(plainValues(project.document())).isTrue();
    }

    @Test
    void whenFactsLookLikeRuleCode_thenTheyStayDataAndAreEitherRejectedOrShownVerbatim() {
        String mvel = "@{java.lang.Runtime.getRuntime().exec('touch /tmp/owned')} \") then System.exit(1); end rule \"x";
        Decision decision = ADVISOR.decide(Project.builder(mvel).build());
        assertThat(decision.project()).isEqualTo(mvel);

        InvalidFactsException rejected = catchThrowableOfType(() -> ADVISOR.decide(Project.parse(
                "{\"name\": \"x\", \"domain\": \"banking\\\") then System.exit(1); end\", \"traits\": [\"chat\\\" || true\"]}")),
                InvalidFactsException.class);
        assertThat(rejected.problems()).extracting(Problem::path).containsExactly("$.domain", "$.traits[0]");
    }

    @Test
    void whenFactsNameARuleBase_thenTheKeyIsUnknownAndNoRulesAreLoaded() {
        InvalidFactsException rejected = catchThrowableOfType(() -> ADVISOR.decide(Project.parse(
                "{\"name\": \"x\", \"rules\": \"/tmp/evil-rules\", \"import\": \"java.io.File\"}")), InvalidFactsException.class);

        assertThat(rejected.problems()).extracting(Problem::message)
                .allSatisfy(message -> assertThat(message).startsWith("unknown key"));
    }

    @Test
    void whenARulesFolderHoldsXmlFiles_thenTheyAreNeverParsed() throws IOException {
        Path rules = DrlMutations.copyRules(folder.resolve("rules"));
        Files.createDirectories(rules.resolve("META-INF"));
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///nonexistent/secret\">]>\n<kmodule>&xxe;</kmodule>\n";
        Files.writeString(rules.resolve("META-INF/kmodule.xml"), xxe);
        Files.writeString(rules.resolve("pom.xml"), xxe);

        Decision decision = StackAdvisor.fromDirectory(rules).decide(Path.of("facts/live-chat.json"));

        assertThat(decision.verdict()).isEqualTo(ADVISOR.decide(Path.of("facts/live-chat.json")).verdict());
    }

    private static boolean plainValues(Object value) {
        if (value instanceof Map) {
            return ((Map<?, ?>) value).values().stream().allMatch(TrustModelTest::plainValues);
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().allMatch(TrustModelTest::plainValues);
        }
        return value == null || value instanceof String || value instanceof Boolean || value instanceof java.math.BigDecimal;
    }

    private static List<String> mainSourcesMatching(String regex) throws IOException {
        Pattern pattern = Pattern.compile(regex);
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> lines(file).stream().filter(line -> pattern.matcher(line).find()).map(line -> file + ": " + line.trim()))
                    .collect(Collectors.toList());
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
