package io.wsmon.ws.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Turns a snapshot's {@code monitoring_data} message into the same message with another {@code type}
 * and/or only some sections, by copying the encoded bytes of what it keeps: every value reads exactly as
 * in the snapshot's own JSON, and nothing is encoded twice.
 */
final class SnapshotReshaper {

    private static final JsonFactory FACTORY = new JsonFactory();

    private SnapshotReshaper() {}

    /**
     * The snapshot message reshaped.
     *
     * @param json the {@code monitoring_data} message, a JSON object with {@code type} and {@code data}
     * @param type the {@code type} of the result
     * @param sections the sections of {@code data} to keep, or {@code null} for all
     * @return the reshaped message, UTF-8
     */
    static byte[] reshape(ByteBuffer json, String type, Set<String> sections) {
        byte[] in = new byte[json.remaining()];
        json.duplicate().get(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        try (JsonParser parser = FACTORY.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a snapshot's JSON must be an object");
            }
            out.write('{');
            boolean first = true;
            JsonToken token = parser.nextToken();
            while (token == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                int start = offset(parser);
                JsonToken value = parser.nextToken();
                if (!first) {
                    out.write(',');
                }
                first = false;
                if (name.equals("type")) {
                    out.writeBytes(("\"type\":\"" + type + "\"").getBytes(StandardCharsets.UTF_8));
                    token = parser.nextToken();
                } else if (name.equals("data") && value == JsonToken.START_OBJECT && sections != null) {
                    out.writeBytes("\"data\":".getBytes(StandardCharsets.US_ASCII));
                    copySections(parser, in, out, sections);
                    token = parser.nextToken();
                } else {
                    parser.skipChildren();
                    token = parser.nextToken();
                    out.write(in, start, end(in, start, offset(parser)) - start);
                }
            }
            out.write('}');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reshape a snapshot's JSON", e);
        }
        return out.toByteArray();
    }

    /** Copies the kept members of the {@code data} object the parser is at; leaves it at its end. */
    private static void copySections(JsonParser parser, byte[] in, ByteArrayOutputStream out, Set<String> sections)
            throws IOException {
        out.write('{');
        boolean first = true;
        JsonToken token = parser.nextToken();
        while (token == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int start = offset(parser);
            parser.nextToken();
            parser.skipChildren();
            token = parser.nextToken();
            if (sections.contains(name)) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(in, start, end(in, start, offset(parser)) - start);
            }
        }
        out.write('}');
    }

    private static int offset(JsonParser parser) {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    /** Where a member ends: before the separator and white space that lead to the next token. */
    private static int end(byte[] in, int start, int nextToken) {
        int end = nextToken;
        while (end > start && (in[end - 1] == ',' || in[end - 1] == ' ' || in[end - 1] == '\n'
                || in[end - 1] == '\r' || in[end - 1] == '\t')) {
            end--;
        }
        return end;
    }
}
