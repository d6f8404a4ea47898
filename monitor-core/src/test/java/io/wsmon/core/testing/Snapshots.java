package io.wsmon.core.testing;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import io.wsmon.api.ContainerInfo;
import io.wsmon.api.CpuTimesPercent;
import io.wsmon.api.CpuTimesSeconds;
import io.wsmon.api.DiskInfo;
import io.wsmon.api.DiskIoDevice;
import io.wsmon.api.DiskIoInfo;
import io.wsmon.api.FanSensor;
import io.wsmon.api.PressureAverages;
import io.wsmon.api.PressureInfo;
import io.wsmon.api.PressureStall;
import io.wsmon.api.ProcessInfo;
import io.wsmon.api.ProcessesInfo;
import io.wsmon.api.SensorsInfo;
import io.wsmon.api.TemperatureSensor;
import io.wsmon.api.GpuDevice;
import io.wsmon.api.GpuInfo;
import io.wsmon.api.JvmInfo;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.NetworkInfo;
import io.wsmon.api.NetworkInterfaceInfo;
import io.wsmon.api.ProcessorInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SwapInfo;
import io.wsmon.api.SystemInfo;
import io.wsmon.core.json.SnapshotCodec;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixed snapshots for tests: every built-in section with known values. */
public final class Snapshots {

    /** The timestamp of {@link #full(long)}. */
    public static final OffsetDateTime TIMESTAMP = OffsetDateTime.parse("2026-01-03T10:15:30.123456+01:00");

    private Snapshots() {}

    /**
     * Every built-in section with fixed values and one alert.
     *
     * @param seq the sequence number
     * @return a snapshot encoded with the default codec
     */
    public static Snapshot full(long seq) {
        return Snapshot.of(seq, TIMESTAMP, sections(), List.of(memoryAlert()), new SnapshotCodec()::encode);
    }

    /**
     * The sections of {@link #full(long)}, in collection order.
     *
     * @return a mutable map
     */
    public static Map<String, Object> sections() {
        DiskInfo root = new DiskInfo("/", 500107862016L, 250053931008L, 250053931008L, 50.0);
        DiskInfo data = new DiskInfo("/data", 1000000000000L, 900000000000L, 100000000000L, 90.0);
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put(Snapshot.PROCESSOR, new ProcessorInfo(25.5, List.of(20.1, 30.2, 15.5, 40.0), 4, 8,
                2495.0, 3700.0, List.of(0.52, 0.58, 0.59)));
        sections.put(Snapshot.MEMORY, new MemoryInfo(17179869184L, 8589934592L, 8589934592L, 50.0,
                new SwapInfo(2147483648L, 0L, 2147483648L, 0.0)));
        sections.put(Snapshot.DISK, root);
        sections.put(Snapshot.DISKS, List.of(root, data));
        sections.put(Snapshot.SYSTEM, new SystemInfo("Linux", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1",
                "6.1.0-18-amd64", "amd64", "x86_64", "Intel(R) Xeon(R) CPU @ 2.20GHz", "host-1", "(none)", "17.0.15",
                250, OffsetDateTime.parse("2026-01-01T08:00:00+01:00"), 181530));
        sections.put(Snapshot.NETWORK, new NetworkInfo(1024.0, 2048.5, 1000000L, 2000000L,
                List.of(new NetworkInterfaceInfo("eth0", 1024.0, 2048.5, 1000000L, 2000000L))));
        sections.put(Snapshot.JVM, new JvmInfo(52428800L, 67108864L, 268435456L, 41943040L, 44040192L,
                104857600L, 3.5, 21, 48L, 7, 12L, 85L, null, false));
        sections.put(Snapshot.GPU, new GpuInfo(1, List.of(new GpuDevice(0, "NVIDIA GeForce RTX 3080", null,
                "537.58", 10737418240L, 5368709120L, 5368709120L, 45.0, null, 65.0, 220.5, 350.0, null, null,
                null, null))));
        return sections;
    }

    /**
     * The sections added for SPEC §11 with fixed values, in collection order: {@code processor} with
     * {@code times_percent}, {@code disks} with file node counts, {@code processes}, {@code disk_io},
     * {@code sensors}, {@code container} and {@code pressure}.
     *
     * @return a mutable map
     */
    public static Map<String, Object> moreSections() {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put(Snapshot.PROCESSOR, new ProcessorInfo(4.8, List.of(3.0, 6.6), 2, 2, 2495.0, 3700.0,
                List.of(0.52, 0.58, 0.59), new CpuTimesPercent(3.1, 1.2, 0.0, 0.4, 0.0, 0.1, 0.0, 95.2),
                List.of(new CpuTimesSeconds(0, 1234.56, 1.5, 456.78, 98765.43, 12.34, 0.0, 5.67, 0.25),
                        new CpuTimesSeconds(1, 1100.0, 0.5, 400.0, 99000.0, 10.0, 0.0, 4.0, 0.5)), 3, 1));
        sections.put(Snapshot.DISKS, List.of(new DiskInfo("/", 500107862016L, 250053931008L, 250053931008L, 50.0,
                30531584L, 29000000L, 5.0, "/", "/dev/vda1", "ext4")));
        ProcessInfo java = new ProcessInfo(1234, "java", "app", 12.5, 123456789L, 0.5, 31);
        ProcessInfo db = new ProcessInfo(99, "postgres", "postgres", 1.0, 923456789L, 3.7, 4);
        sections.put(Snapshot.PROCESSES, new ProcessesInfo(250, 2, 240, 1, 5, 0, 2, 900, List.of(java, db),
                List.of(db, java)));
        sections.put(Snapshot.DISK_IO, new DiskIoInfo(2048.0, 4096.0, 1.5, 3.0, List.of(new DiskIoDevice("vda",
                2048.0, 4096.0, 1.5, 3.0, 12.5, 1086297088L, 1450545152L, 37487L, 24968L, 8.304))));
        sections.put(Snapshot.SENSORS, new SensorsInfo(
                List.of(new TemperatureSensor("coretemp", "Package id 0", 45.0, 80.0, 100.0),
                        new TemperatureSensor("acpitz", "temp1", 27.8, null, null)),
                List.of(new FanSensor("nct6775", "fan1", 900))));
        sections.put(Snapshot.CONTAINER, new ContainerInfo(2, 536870912L, 268435456L, 50.0, 2.0, 12.5, 7L, 0.35));
        PressureAverages low = new PressureAverages(0.5, 0.25, 0.1, 12.5);
        sections.put(Snapshot.PRESSURE, new PressureInfo(new PressureStall(low, null), new PressureStall(low, low),
                new PressureStall(low, low)));
        return sections;
    }

    /**
     * The alert of {@link #full(long)}.
     *
     * @return a memory WARNING
     */
    public static Alert memoryAlert() {
        return new Alert(TIMESTAMP, "memory", "usage_percent", null, 85.5, 80.0, AlertLevel.WARNING,
                "High memory usage: 85.5% (threshold: 80.0%)");
    }
}
