package io.wsmon.core.collect.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.DiskIoDevice;
import io.wsmon.api.DiskIoInfo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskIoMonitorTest {

    @TempDir
    Path dir;

    private DiskIoMonitor start(Path root) throws Exception {
        DiskIoMonitor monitor = new DiskIoMonitor(root.resolve("proc"), root.resolve("sys"));
        monitor.start(LinuxFixture.context(Map.of()));
        return monitor;
    }

    @Test
    void collect_fixture_listsWholeDevicesWithoutPartitionsOrLoopDevices() throws Exception {
        DiskIoInfo info = start(LinuxFixture.copy("host", dir)).collect();

        assertThat(info.devices()).extracting(DiskIoDevice::name).containsExactly("sda", "sdb", "dm-0");
        DiskIoDevice sda = info.devices().get(0);
        assertThat(sda.readBytes()).isEqualTo(20000L * 512);
        assertThat(sda.writeBytes()).isEqualTo(10000L * 512);
        assertThat(sda.reads()).isEqualTo(1000);
        assertThat(sda.ioTimeSeconds()).isEqualTo(3.0);
    }

    @Test
    void collect_firstTick_hasNoRates() throws Exception {
        DiskIoInfo info = start(LinuxFixture.copy("host", dir)).collect();

        assertThat(info.readBytesPerSec()).isZero();
        assertThat(info.devices()).allSatisfy(d -> assertThat(d.busyPercent()).isZero());
    }

    @Test
    void collect_secondTick_givesRatesBusyTimeAndTotalsWithoutStackedDevices() throws Exception {
        Path root = LinuxFixture.copy("host", dir);
        DiskIoMonitor monitor = start(root);
        monitor.collect();
        LinuxFixture.write(root, "proc/uptime", "1002.00 1900.00\n");
        LinuxFixture.write(root, "proc/diskstats",
                "   8       0 sda 1100 0 21024 0 520 0 10512 0 0 3500 0 0 0 0 0 0 0\n"
                + "   8       1 sda1 900 0 18000 0 400 0 8000 0 0 2500 0 0 0 0 0 0 0\n"
                + "   8      16 sdb 100 0 2000 0 60 0 1400 0 0 400 0 0 0 0 0 0 0\n"
                + "   7       0 loop0 10 0 100 0 0 0 0 0 0 10 0 0 0 0 0 0 0\n"
                + " 253       0 dm-0 80 0 1600 0 50 0 1200 0 0 300 0 0 0 0 0 0 0\n");

        DiskIoInfo info = monitor.collect();

        DiskIoDevice sda = info.devices().get(0);
        assertThat(sda.readBytesPerSec()).isEqualTo(1024 * 512 / 2.0);
        assertThat(sda.writeBytesPerSec()).isEqualTo(512 * 512 / 2.0);
        assertThat(sda.readsPerSec()).isEqualTo(50.0);
        assertThat(sda.writesPerSec()).isEqualTo(10.0);
        assertThat(sda.busyPercent()).isEqualTo(25.0);
        assertThat(info.devices().get(1).busyPercent()).isEqualTo(5.0);
        // dm-0 sits on sdb: its 400 sectors written are sdb's, counted once
        assertThat(info.devices().get(2).writeBytesPerSec()).isEqualTo(400 * 512 / 2.0);
        assertThat(info.writeBytesPerSec()).isEqualTo((512 + 400) * 512 / 2.0);
        assertThat(info.readBytesPerSec()).isEqualTo(1024 * 512 / 2.0);
    }

    @Test
    void collect_devicePluggedIn_isListedAtTheNextTick() throws Exception {
        Path root = LinuxFixture.copy("host", dir);
        DiskIoMonitor monitor = start(root);
        monitor.collect();
        java.nio.file.Files.createDirectories(root.resolve("sys/block/sdc"));
        LinuxFixture.write(root, "proc/diskstats", "   8      32 sdc 1 0 8 0 0 0 0 0 0 1 0 0 0 0 0 0 0\n");

        assertThat(monitor.collect().devices()).extracting(DiskIoDevice::name).containsExactly("sdc");
    }
}
