package io.wsmon.core.alert.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmon.api.Alert;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON for the webhook handlers: an alert as in the snapshot's {@code alerts} array. */
final class AlertJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {}

    /**
     * @param alert the alert
     * @return {@code timestamp, component, metric, resource (when present), value, threshold, level, message}
     */
    static Map<String, Object> fields(Alert alert) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("timestamp", AlertText.timestamp(alert.timestamp()));
        fields.put("component", alert.component());
        fields.put("metric", alert.metric());
        if (alert.resource() != null) {
            fields.put("resource", alert.resource());
        }
        fields.put("value", alert.value());
        fields.put("threshold", alert.threshold());
        fields.put("level", alert.level().name());
        fields.put("message", alert.message());
        return fields;
    }

    /**
     * @param value maps, lists, strings and numbers
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
