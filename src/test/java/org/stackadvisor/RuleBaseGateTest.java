package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fromDirectory} refuses a rule base with lint errors, listing them as {@code verify} does. */
class RuleBaseGateTest {
    @TempDir
    Path temp;

    @Test
    void whenARuleCitesNoClaim_thenFromDirectoryThrowsListingVerifysErrors() {
        RulesCopy rules = RulesCopy.of("rules", temp.resolve("rules")).replace("backstory.drl", "@claims(\"BACK-2\")", "");
        InvalidRuleBaseException thrown = catchThrowableOfType(() -> StackAdvisor.fromDirectory(rules.folder),
                InvalidRuleBaseException.class);
        assertThat(thrown).isNotNull();
        assertThat(thrown.problems()).map(Problem::toString).containsExactlyElementsOf(
                org.stackadvisor.authoring.Verification.of(rules.folder).errors().stream().map(Problem::toString)
                        .collect(java.util.stream.Collectors.toList()));
        assertThat(thrown.problems()).map(Problem::message).anyMatch(message -> message.contains("cites no claim"));
    }
}
