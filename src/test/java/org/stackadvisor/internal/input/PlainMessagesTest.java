package org.stackadvisor.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainMessagesTest {
    @Test
    void whenJacksonAdvisesAFeature_thenTheAdviceIsLeftOut() {
        assertThat(PlainMessages.withoutFeatureNames("Unexpected character ('x' (code 120)): something"
                + " (not recognized as one since Feature 'ALLOW_SOMETHING' not enabled for parser)"))
                .isEqualTo("Unexpected character ('x' (code 120)): something");
        assertThat(PlainMessages.withoutFeatureNames("Odd token 'x': enable `JsonReadFeature.ALLOW_ODD_TOKENS` to allow"))
                .isEqualTo("Odd token 'x'");
        assertThat(PlainMessages.withoutFeatureNames("Invalid numeric value: Leading zeroes not allowed"))
                .isEqualTo("Invalid numeric value: Leading zeroes not allowed");
    }

    @Test
    void whenADocumentStartsAsJson_thenItIsNotCalledYaml() {
        assertThat(PlainMessages.looksLikeYaml("name: x\nteam:\n  skills: [python]\n")).isTrue();
        assertThat(PlainMessages.looksLikeYaml("# a comment\n---\nname: x\n")).isTrue();
        // a flow mapping with a trailing comma is YAML too, but starts as JSON: it is JSON gone wrong
        assertThat(PlainMessages.looksLikeYaml("{\"name\": \"x\",}")).isFalse();
        assertThat(PlainMessages.looksLikeYaml("# c\n{\"name\": \"x\"}")).isFalse();
        assertThat(PlainMessages.looksLikeYaml("just words")).isFalse();
        assertThat(PlainMessages.looksLikeYaml("name: [x\n")).isFalse();
        assertThat(PlainMessages.looksLikeYaml("  \n")).isFalse();
    }
}
