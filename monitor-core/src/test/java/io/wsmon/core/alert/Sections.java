package io.wsmon.core.alert;

import io.wsmon.api.DiskInfo;
import io.wsmon.api.GpuDevice;
import io.wsmon.api.GpuInfo;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.ProcessorInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SwapInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the sections of a tick, as the service hands them to {@link AlertManager#evaluate}. */
final class Sections {

    private static final long GB = 1024L * 1024 * 1024;

    private final Map<String, Object> sections = new LinkedHashMap<>();
    private final List<DiskInfo> disks = new ArrayList<>();
    private final List<GpuDevice> gpus = new ArrayList<>();
    private SwapInfo swap;
    private Double memoryPercent;

    static Sections tick() {
        return new Sections();
    }

    Sections memory(double percent) {
        memoryPercent = percent;
        return this;
    }

    Sections swap(double percent) {
        swap = new SwapInfo(4 * GB, (long) (4 * GB * percent / 100), (long) (4 * GB * (100 - percent) / 100), percent);
        return this;
    }

    /** Adds any section as it is, for the sections without a helper of their own. */
    Sections section(String name, Object value) {
        sections.put(name, value);
        return this;
    }

    Sections cpu(double percent) {
        sections.put(Snapshot.PROCESSOR, new ProcessorInfo(percent, List.of(percent), 1, 1, null, null, null));
        return this;
    }

    /** Adds a disk to {@code disks}: 100 GB in total. */
    Sections disk(String path, double usedPercent, double freeGb) {
        long total = 100 * GB;
        long free = (long) (freeGb * GB);
        disks.add(new DiskInfo(path, total, total - free, free, usedPercent));
        return this;
    }

    /** Sets only the single {@code disk} section, as a service without the {@code disks} list would. */
    Sections singleDisk(String path, double usedPercent, double freeGb) {
        long total = 100 * GB;
        long free = (long) (freeGb * GB);
        sections.put(Snapshot.DISK, new DiskInfo(path, total, total - free, free, usedPercent));
        return this;
    }

    Sections gpu(int id, double memoryPercent, Double temperature) {
        long total = 8 * GB;
        long used = (long) (total * memoryPercent / 100);
        gpus.add(new GpuDevice(id, "Test GPU " + id, null, null, total, used, total - used, 10.0, 5.0, temperature,
                null, null, null, null, null, null));
        return this;
    }

    Map<String, Object> build() {
        Map<String, Object> result = new LinkedHashMap<>(sections);
        if (memoryPercent != null || swap != null) {
            double percent = memoryPercent == null ? 10 : memoryPercent;
            result.put(Snapshot.MEMORY, new MemoryInfo(16 * GB, (long) (16 * GB * (100 - percent) / 100),
                    (long) (16 * GB * percent / 100), percent, swap));
        }
        if (!disks.isEmpty()) {
            result.put(Snapshot.DISK, disks.get(0));
            result.put(Snapshot.DISKS, List.copyOf(disks));
        }
        if (!gpus.isEmpty()) {
            result.put(Snapshot.GPU, new GpuInfo(gpus.size(), gpus));
        }
        return result;
    }
}
