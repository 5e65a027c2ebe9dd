package org.stackadvisor.internal.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.stackadvisor.InvalidRuleBaseException;
import org.stackadvisor.internal.json.JsonDocumentReader;

/**
 * A rule base's manifest grows with its rules (its vocabulary names the terms they read), so it
 * may hold far more values than the facts of one project; only a document far beyond any rule
 * base is refused, and then as a manifest, not as a facts file.
 */
class ManifestLimitsTest {

    private static String manifestWithTerms(int terms) throws IOException {
        String bundled = Files.readString(Path.of("rules", Manifest.FILE_NAME));
        String list = IntStream.range(0, terms).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(", "));
        return bundled.replaceFirst("\"vocabulary\"\\s*:\\s*\\{",
                "\"vocabulary\": {\n    \"generated\": { \"type\": \"list\", \"terms\": [" + list + "] },");
    }

    @Test
    void whenTheVocabularyNamesTwelveThousandTerms_thenTheManifestLoads() throws IOException {
        // given the bundled manifest with a list field of 12,000 terms, as a rule base of 10,000 rules has
        String text = manifestWithTerms(12_000);
        // when it is parsed
        Manifest manifest = Manifest.parse(text, "big/manifest.json");
        // then every term is in the vocabulary
        assertThat(manifest.vocabulary).containsKey("generated");
    }

    @Test
    void whenAManifestHoldsOverAMillionValues_thenItIsRefusedAsAManifestWithItsPlace() throws IOException {
        // given a manifest beyond any rule base
        String text = manifestWithTerms(JsonDocumentReader.MAX_MANIFEST_VALUES);
        // when it is parsed, then the problem names the file, a line and the manifest's usual size
        assertThatThrownBy(() -> Manifest.parse(text, "huge/manifest.json"))
                .isInstanceOf(InvalidRuleBaseException.class)
                .hasMessageContaining("huge/manifest.json:")
                .hasMessageContaining("more than " + JsonDocumentReader.MAX_MANIFEST_VALUES + " values; a manifest")
                .hasMessageNotContaining("facts file");
    }

    @Test
    void whenTheVocabularyNamesTwoHundredThousandTerms_thenItLoadsInTimeLinearInItsSize() throws IOException {
        // given vocabularies of 50,000 and 200,000 terms (a list's contains() per term made this quadratic: 96 s for 200,000)
        String small = manifestWithTerms(50_000);
        String large = manifestWithTerms(200_000);
        Manifest.parse(small, "warm-up/manifest.json");
        // when each is parsed
        long smallStart = System.nanoTime();
        Manifest.parse(small, "small/manifest.json");
        long smallNanos = System.nanoTime() - smallStart;
        long largeStart = System.nanoTime();
        Manifest manifest = Manifest.parse(large, "large/manifest.json");
        long largeNanos = System.nanoTime() - largeStart;
        // then four times the terms take far less than sixteen times as long, and a few seconds at most
        assertThat(manifest.vocabulary.get("generated").terms).hasSize(200_000);
        assertThat(largeNanos).as("200,000 terms: %d ms", largeNanos / 1_000_000).isLessThan(10_000_000_000L);
        assertThat(largeNanos).as("50,000 terms: %d ms, 200,000 terms: %d ms", smallNanos / 1_000_000, largeNanos / 1_000_000)
                .isLessThan(Math.max(10 * smallNanos, 1_000_000_000L));
    }
}
