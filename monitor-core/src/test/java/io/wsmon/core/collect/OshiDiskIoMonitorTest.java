package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.wsmon.api.DiskIoDevice;
import io.wsmon.api.DiskIoInfo;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.core.ServiceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OSHI variant of {@code disk_io}, run on this machine and checked against {@code /proc} and {@code /sys}. */
class OshiDiskIoMonitorTest {

    private static final Path DISKSTATS = Path.of("/proc/diskstats");
    private static final Path SYS_BLOCK = Path.of("/sys/block");

    private OshiDiskIoMonitor monitor;

    @BeforeEach
    void start() throws Exception {
        assumeThat(Files.isReadable(DISKSTATS) && Files.isDirectory(SYS_BLOCK))
                .as("needs Linux /proc/diskstats and /sys/block to check OSHI against").isTrue();
        monitor = new OshiDiskIoMonitor(new OshiHost());
        try {
            monitor.start(ServiceContext.defaults());
        } catch (MonitorUnavailableException e) {
            assumeThat(e).as("needs a disk OSHI can list (udev): %s", e.getMessage()).isNull();
        }
    }

    @Test
    void collect_onThisMachine_listsWholeDisksOnlyWithCountersBetweenTwoReadings() throws Exception {
        Map<String, long[]> before = diskstats();
        DiskIoInfo info = monitor.collect();
        Map<String, long[]> after = diskstats();

        List<String> whole = wholeDisks();
        assertThat(info.devices()).isNotEmpty().extracting(DiskIoDevice::name)
                .allSatisfy(name -> assertThat(whole).as("whole, non-virtual disks of /sys/block").contains(name));
        for (DiskIoDevice device : info.devices()) {
            assertThat(device.readBytes()).isBetween(before.get(device.name())[0] * 512,
                    after.get(device.name())[0] * 512);
            assertThat(device.writeBytes()).isBetween(before.get(device.name())[1] * 512,
                    after.get(device.name())[1] * 512);
            assertThat(device.readBytesPerSec()).isZero();
            assertThat(device.busyPercent()).isZero();
        }
    }

    @Test
    void collect_laterTick_givesRatesThatAreNotNegative() throws Exception {
        monitor.collect();
        Files.write(Files.createTempFile("wsmon-disk-io", ".bin"), new byte[1 << 20]);

        DiskIoInfo info = monitor.collect();

        assertThat(info.devices()).allSatisfy(d -> {
            assertThat(d.readBytesPerSec()).isNotNegative();
            assertThat(d.writeBytesPerSec()).isNotNegative();
            assertThat(d.readsPerSec()).isNotNegative();
            assertThat(d.writesPerSec()).isNotNegative();
            assertThat(d.busyPercent()).isBetween(0.0, 100.0);
        });
        assertThat(info.writeBytesPerSec()).isNotNegative();
        assertThat(info.readBytesPerSec()).isNotNegative();
    }

    /** The names of {@code /sys/block} that are not loop, RAM or floppy devices: partitions have none. */
    private static List<String> wholeDisks() throws IOException {
        try (Stream<Path> blocks = Files.list(SYS_BLOCK)) {
            return blocks.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("loop") && !n.startsWith("ram") && !n.startsWith("zram")
                            && !n.startsWith("fd"))
                    .toList();
        }
    }

    /** Sectors read and written per device. */
    private static Map<String, long[]> diskstats() throws IOException {
        Map<String, long[]> sectors = new HashMap<>();
        for (String line : Files.readAllLines(DISKSTATS)) {
            String[] f = line.trim().split("\\s+");
            sectors.put(f[2], new long[] {Long.parseLong(f[5]), Long.parseLong(f[9])});
        }
        return sectors;
    }
}
