package io.wsmon.examples.custom;

import io.wsmon.api.Exporter;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A custom exporter found through {@code META-INF/services/io.wsmon.api.Exporter}: appends one CSV line
 * per export (timestamp, CPU %, memory %, disk %) to the file named by the setting {@code csv.file}.
 * Without that setting it stays idle, so having it on the class path costs nothing.
 */
public final class CsvExporter implements Exporter {

    private Path file;

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public Optional<Duration> interval() {
        return Optional.of(Duration.ofSeconds(10));
    }

    @Override
    public void start(MonitorContext context) {
        file = context.setting("csv.file").map(Path::of).orElse(null);
    }

    @Override
    public void export(Snapshot snapshot) throws IOException {
        if (file == null) {
            return;
        }
        String line = String.format(Locale.ROOT, "%s,%s,%s,%s%n", snapshot.timestamp(),
                snapshot.processor().map(p -> String.valueOf(p.usagePercent())).orElse(""),
                snapshot.memory().map(m -> String.valueOf(m.percentage())).orElse(""),
                snapshot.disk().map(d -> String.valueOf(d.percentage())).orElse(""));
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
