package io.wsmon.alert.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmon.core.json.SnapshotCodec;

/**
 * JSON for the webhook handlers, with the wire conventions of the snapshot ({@link SnapshotCodec}): an alert
 * comes out exactly as in the snapshot's {@code alerts} array.
 */
final class AlertJson {

    private static final ObjectMapper MAPPER = new SnapshotCodec().mapper();

    private AlertJson() {}

    /**
     * @param value an {@code Alert}, or maps, lists, strings and numbers
     * @return its UTF-8 JSON
     */
    static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode alert JSON: " + e.getMessage(), e);
        }
    }
}
