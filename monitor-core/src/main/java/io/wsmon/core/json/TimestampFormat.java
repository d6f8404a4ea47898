package io.wsmon.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How timestamps look on the wire: ISO-8601 with a numeric offset ({@code +00:00}, never {@code Z}, so
 * Python's {@code datetime.fromisoformat} reads them on every version), in microseconds or in seconds.
 */
public final class TimestampFormat {

    /** {@code 2026-01-03T10:15:30.123456+01:00}: message and alert timestamps. */
    public static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    /** {@code 2026-01-01T08:00:00+01:00}: times known to the second, such as the boot time. */
    public static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private TimestampFormat() {}

    /** Writes an {@link OffsetDateTime} in microseconds, for any mapper that writes the wire format. */
    public static final class MicrosSerializer extends JsonSerializer<OffsetDateTime> {

        /** Creates the serializer. */
        public MicrosSerializer() {}

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeString(MICROS.format(value));
        }
    }

    /** Writes an {@link OffsetDateTime} in seconds. */
    static final class SecondsSerializer extends JsonSerializer<OffsetDateTime> {
        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeString(SECONDS.format(value));
        }
    }
}
