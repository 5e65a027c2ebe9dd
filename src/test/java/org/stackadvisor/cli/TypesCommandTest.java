package org.stackadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code types}: the fact types a rule may use, with fields and constructors. */
class TypesCommandTest {
    @Test
    void whenTypesIsRun_thenTermIsListedWithItsFieldsAndConstructor() {
        CommandRun run = CommandRun.of("types");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("Term (input)\n", "  fields:  field (String), value (String)\n",
                "  make:    new Term(String field, String value)\n",
                "Evidence (derived)\n", "  make:    new Evidence(String candidate, String claim, String text)\n",
                "ClaimWeights (given)\n", "  method:  int weightOf(String)\n", "Characteristic (derived)\n", "Caveat (derived)\n");
    }

    @Test
    void whenTypesIsAskedForJson_thenEachTypeHasItsClassAndFields() {
        CommandRun run = CommandRun.of("types", "--format", "json");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("\"name\" : \"Term\"", "\"class\" : \"org.stackadvisor.internal.facts.Term\"",
                "\"constructor\" : \"new Term(String field, String value)\"");
    }
}
