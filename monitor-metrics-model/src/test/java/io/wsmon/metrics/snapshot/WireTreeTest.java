package io.wsmon.metrics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsmon.api.Snapshot;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.core.testing.Snapshots;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireTreeTest {

    private static final ObjectMapper MAPPER = new SnapshotCodec().mapper();

    @ParameterizedTest
    @ValueSource(strings = {"usagePercent", "bytesRecvPerSec", "avg10", "ioTimeMS", "a", "gpuUUID", "x2Y"})
    void snakeCase_anyName_asJacksonSpellsIt(String name) {
        assertThat(WireTree.snakeCase(name))
                .isEqualTo(new PropertyNamingStrategies.SnakeCaseStrategy().translate(name));
    }

    @Test
    void builtInSections_wireForm_equalsTheEncodedJson() throws Exception {
        Snapshot snapshot = Snapshots.full(1);
        JsonNode data = MAPPER.readTree(snapshot.jsonText()).get("data");

        for (Map.Entry<String, Object> section : snapshot.sections().entrySet()) {
            JsonNode wire = MAPPER.valueToTree(WireTree.of(section.getValue()));
            JsonNode encoded = data.get(section.getKey());
            if (section.getKey().equals(Snapshot.SYSTEM)) {
                // a time stays a time in the wire form; its text is the codec's business
                ((ObjectNode) wire).remove("boot_time");
                encoded = encoded.deepCopy();
                ((ObjectNode) encoded).remove("boot_time");
            }
            assertThat(wire.toString()).as(section.getKey()).isEqualTo(encoded.toString());
        }
    }

    @Test
    void textAndNumbers_asThemselves_unknownObjectsLeftOut() {
        assertThat(WireTree.of("x")).isEqualTo("x");
        assertThat(WireTree.of(3)).isEqualTo(3);
        assertThat(WireTree.of(new Object())).isNull();
        assertThat(WireTree.of(new int[] {1, 2})).isEqualTo(java.util.List.of(1, 2));
    }
}
