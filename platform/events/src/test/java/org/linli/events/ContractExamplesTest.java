package org.linli.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.linli.events.org.OrgUnitCreated;
import org.linli.events.org.OrgUnitMoved;
import org.linli.events.org.OrgUnitRenamed;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins every published event to its example under {@code contracts/}: the example's envelope is
 * complete, its payload reads into the contract record with nothing missing or left over, and the
 * record writes back exactly the example's fields. A renamed or dropped field fails here first.
 * The envelope's {@code aggregateVersion} is optional (absent in events older than the field).
 */
class ContractExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path CONTRACTS = Path.of("src", "main", "resources", "contracts");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(CONTRACTS)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theExampleMatchesItsContractRecordExactly(Path example) throws Exception {
        JsonNode envelope = JSON.readTree(example.toFile());
        List<String> envelopeFields = names(envelope);
        envelopeFields.remove("aggregateVersion");
        assertThat(envelopeFields).containsExactlyInAnyOrder("eventId", "type", "aggregateId", "occurredAt",
                "schemaVersion", "payload");
        if (envelope.has("aggregateVersion")) {
            assertThat(envelope.get("aggregateVersion").asLong()).isPositive();
        }
        String type = envelope.get("type").asString();
        assertThat(example.getFileName().toString()).isEqualTo(type + ".json");

        Class<?> contract = Class.forName(packageOf(example) + "." + type);
        assertThat(DomainEvent.class).isAssignableFrom(contract);
        Object payload = JSON.treeToValue(envelope.get("payload"), contract);
        JsonNode written = JSON.valueToTree(payload);
        assertThat(names(written)).containsExactlyInAnyOrderElementsOf(names(envelope.get("payload")));
        assertThat(((DomainEvent) payload).type()).isEqualTo(type);
    }

    @Test
    void aContractRefusesABlankRequiredField() {
        assertThatThrownBy(() -> new OrgUnitMoved("unit", "a", "b", "", "/b/unit/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oldPath");
        assertThatThrownBy(() -> new OrgUnitRenamed(null, "name", "/unit/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unitId");
        assertThat(new OrgUnitCreated("unit", "STREET_COMMITTEE", "name", null, "/unit/", null).parentId()).isNull();
    }

    @Test
    void anEnvelopeWithoutAggregateVersionIsStillValidAndAZeroVersionIsNot() {
        assertThat(new EventEnvelope<>("e", "T", "a", Instant.EPOCH, 1, "p").aggregateVersion()).isNull();
        assertThatThrownBy(() -> new EventEnvelope<>("e", "T", "a", Instant.EPOCH, 1, 0L, "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code contracts/org-events/X.json} belongs to {@code org.linli.events.org}. */
    private static String packageOf(Path example) {
        String folder = example.getParent().getFileName().toString();
        return "org.linli.events." + folder.substring(0, folder.indexOf("-events"));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    static {
        if (!Files.isDirectory(CONTRACTS)) {
            throw new UncheckedIOException(new IOException("no contracts folder at " + CONTRACTS.toAbsolutePath()));
        }
    }
}
