package io.wsmon.examples.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.DiskInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.core.json.SnapshotCodec;
import io.wsmon.core.testing.Snapshots;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineProtocolTest {

    private static final long MILLIS = Snapshots.TIMESTAMP.toInstant().toEpochMilli();

    @Test
    void lines_fullSnapshot_onePointPerMeasurementDiskAndGpu() {
        assertThat(LineProtocol.lines(Snapshots.full(1)).split("\n")).containsExactly(
                "cpu,host=host-1 usage_percent=25.5,frequency_current=2495.0 " + MILLIS,
                "memory,host=host-1 percentage=50.0,used=8589934592i,available=8589934592i,total=17179869184i " + MILLIS,
                "disk,host=host-1,path=/ percentage=50.0,used=250053931008i,free=250053931008i,total=500107862016i " + MILLIS,
                "disk,host=host-1,path=/data percentage=90.0,used=900000000000i,free=100000000000i,total=1000000000000i " + MILLIS,
                "gpu,host=host-1,gpu=0 usage_percent=45.0,memory_used=5368709120i,memory_total=10737418240i,temperature=65.0 " + MILLIS);
    }

    @Test
    void lines_tagValueWithSpaceCommaAndEquals_escaped() {
        DiskInfo odd = new DiskInfo("/mnt/my disk,a=b", 10, 5, 5, 50.0);
        Snapshot snapshot = Snapshot.of(1, Snapshots.TIMESTAMP, Map.of(Snapshot.DISKS, List.of(odd)), List.of(),
                new SnapshotCodec()::encode);

        assertThat(LineProtocol.lines(snapshot))
                .isEqualTo("disk,path=/mnt/my\\ disk\\,a\\=b percentage=50.0,used=5i,free=5i,total=10i " + MILLIS);
    }

    @Test
    void lines_noKnownSection_empty() {
        Snapshot snapshot = Snapshot.of(1, Snapshots.TIMESTAMP, Map.of(), List.of(), new SnapshotCodec()::encode);

        assertThat(LineProtocol.lines(snapshot)).isEmpty();
    }
}
