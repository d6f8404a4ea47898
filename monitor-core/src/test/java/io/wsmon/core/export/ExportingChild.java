package io.wsmon.core.export;

import io.wsmon.api.Snapshot;
import io.wsmon.core.ServiceContext;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.core.testing.Snapshots;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A process that exports without pause until it is killed, for {@link ExportKillTest}: arguments
 * {@code directory compress firstSeq}; prints {@code STARTED} once its exporter has started, then
 * {@code EXPORTED <seq>} after each record.
 */
public final class ExportingChild {

    private ExportingChild() {}

    /**
     * @param args directory, compress ({@code true}/{@code false}), the first seq to export
     * @throws Exception when an export fails
     */
    public static void main(String[] args) throws Exception {
        JsonFileExporter exporter = JsonFileExporter.builder(Path.of(args[0])).compress(Boolean.parseBoolean(args[1]))
                .build();
        exporter.start(ServiceContext.defaults());
        System.out.println("STARTED");
        System.out.flush();
        SnapshotCodec codec = new SnapshotCodec();
        Map<String, Object> sections = new LinkedHashMap<>(Snapshots.sections());
        sections.put("padding", "x".repeat(64 * 1024)); // a record takes a while to write: kills land mid-record
        for (long seq = Long.parseLong(args[2]); ; seq++) {
            exporter.export(Snapshot.of(seq, Snapshots.TIMESTAMP, sections, List.of(), codec::encode));
            System.out.println("EXPORTED " + seq);
            System.out.flush();
        }
    }
}
