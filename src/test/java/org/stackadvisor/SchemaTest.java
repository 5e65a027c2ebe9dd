package org.stackadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.stackadvisor.audit.AuditKeys;
import org.stackadvisor.audit.AuditLog;
import org.stackadvisor.authoring.Scenario;

/** Real decisions and real audit records validate against the JSON Schema files in {@code schema/}; broken ones do not. */
class SchemaTest {
    private static final String BASE = "https://stackadvisor.org/schema/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, Path.of("schema").toAbsolutePath().toUri().toString())));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final JsonSchema DECISION = FACTORY.getSchema(SchemaLocation.of(BASE + "decision.schema.json"), CONFIG);
    private static final JsonSchema AUDIT_RECORD = FACTORY.getSchema(SchemaLocation.of(BASE + "audit-record.schema.json"), CONFIG);

    @TempDir
    Path folder;

    @TestFactory
    Stream<DynamicTest> whenEachExampleIsDecided_thenItsJsonFollowsTheDecisionSchema() {
        StackAdvisor advisor = StackAdvisor.bundled();
        return Scenario.discover(Path.of("facts")).stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            JsonNode decision = JSON.readTree(advisor.decide(scenario.factsFile()).toJson());
            assertThat(DECISION.validate(decision)).isEmpty();
        }));
    }

    @Test
    void whenADecisionIsLogged_thenTheAuditRecordFollowsTheAuditRecordSchema() throws Exception {
        Path log = folder.resolve("log.jsonl");
        StackAdvisor advisor = StackAdvisor.builder().listener(new AuditLog(log)).build();
        advisor.decide(Path.of("facts/live-chat.json"));
        advisor.decide(Path.of("facts/trading-alerts-both-ways.json"));
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            assertThat(AUDIT_RECORD.validate(JSON.readTree(line))).isEmpty();
        }
    }

    @Test
    void whenASignedRecordOrARecordOfThePreviousFormatIsRead_thenItFollowsTheAuditRecordSchema() throws Exception {
        Path keys = folder.resolve("keys");
        AuditKeys.generate(keys);
        Path log = folder.resolve("signed.jsonl");
        StackAdvisor.builder().listener(AuditLog.builder(log).signingKey(AuditKeys.readPrivateKey(keys.resolve("audit-key")))
                .actor("erin").build()).build().decide(Path.of("facts/live-chat.json"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(log));
        assertThat(lines.get(0)).contains("\"signature\":\"");
        lines.addAll(Files.readAllLines(Path.of("src/test/resources/fixtures/audit/previous-format.jsonl")));
        for (String line : lines) {
            assertThat(AUDIT_RECORD.validate(JSON.readTree(line))).isEmpty();
        }
    }

    @Test
    void whenARecordOrAProofIsBroken_thenTheSchemasReject() throws Exception {
        StackAdvisor advisor = StackAdvisor.bundled();
        ObjectNode decision = (ObjectNode) JSON.readTree(advisor.decide(Path.of("facts/live-chat.json")).toJson());
        ObjectNode proof = (ObjectNode) decision.get("conclusions").get(0).get("proof");
        proof.remove("derivations");
        Set<ValidationMessage> proofProblems = DECISION.validate(decision);
        assertThat(proofProblems).isNotEmpty();

        Path log = folder.resolve("log.jsonl");
        StackAdvisor.builder().listener(new AuditLog(log)).build().decide(Path.of("facts/live-chat.json"));
        ObjectNode record = (ObjectNode) JSON.readTree(Files.readAllLines(log).get(0));
        record.put("time", "yesterday");
        record.put("previousHash", "not a hash");
        assertThat(AUDIT_RECORD.validate(record)).hasSizeGreaterThanOrEqualTo(2);
        ((ObjectNode) record.get("decision")).remove("verdict");
        assertThat(AUDIT_RECORD.validate(record).toString()).contains("verdict");
    }
}
