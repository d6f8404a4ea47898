package io.wsmon.core.alert;

import io.wsmon.api.ContainerInfo;
import io.wsmon.api.DiskInfo;
import io.wsmon.api.DiskIoDevice;
import io.wsmon.api.DiskIoInfo;
import io.wsmon.api.GpuDevice;
import io.wsmon.api.GpuInfo;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.PressureInfo;
import io.wsmon.api.ProcessorInfo;
import io.wsmon.api.SensorsInfo;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SwapInfo;
import io.wsmon.api.TemperatureSensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads each metric's values out of a tick's sections, one method per {@link AlertMetric}; a section that
 * is absent gives no value.
 */
final class SectionReader {

    /** Receives each value read: one per instance of the component. */
    @FunctionalInterface
    interface Values {
        /**
         * @param resource the instance (disk path, GPU id), or {@code null} for single-instance components
         * @param value the value in the metric's unit
         */
        void accept(String resource, double value);
    }

    private SectionReader() {}

    static void cpuUsage(Map<String, ?> sections, Values out) {
        if (sections.get(Snapshot.PROCESSOR) instanceof ProcessorInfo processor) {
            out.accept(null, processor.usagePercent());
        }
    }

    static void memoryUsage(Map<String, ?> sections, Values out) {
        if (sections.get(Snapshot.MEMORY) instanceof MemoryInfo memory) {
            out.accept(null, memory.percentage());
        }
    }

    /** A machine without swap gives no value rather than a constant 0 %. */
    static void swapUsage(Map<String, ?> sections, Values out) {
        if (sections.get(Snapshot.MEMORY) instanceof MemoryInfo memory) {
            SwapInfo swap = memory.swap();
            if (swap != null && swap.total() > 0) {
                out.accept(null, swap.percentage());
            }
        }
    }

    static void diskUsage(Map<String, ?> sections, Values out) {
        for (DiskInfo disk : disks(sections)) {
            out.accept(disk.path(), disk.percentage());
        }
    }

    static void diskFree(Map<String, ?> sections, Values out) {
        for (DiskInfo disk : disks(sections)) {
            out.accept(disk.path(), disk.freeGb());
        }
    }

    static void gpuMemory(Map<String, ?> sections, Values out) {
        for (GpuDevice gpu : gpus(sections)) {
            Double percent = gpu.memoryPercent();
            if (percent != null) {
                out.accept(String.valueOf(gpu.id()), percent);
            }
        }
    }

    static void gpuTemperature(Map<String, ?> sections, Values out) {
        for (GpuDevice gpu : gpus(sections)) {
            if (gpu.temperature() != null) {
                out.accept(String.valueOf(gpu.id()), gpu.temperature());
            }
        }
    }

    static void temperature(Map<String, ?> sections, Values out) {
        if (sections.get(Snapshot.SENSORS) instanceof SensorsInfo sensors) {
            for (TemperatureSensor sensor : sensors.temperatures()) {
                out.accept(sensor.resourceName(), sensor.current());
            }
        }
    }

    /** A container without a memory limit gives no value. */
    static void containerMemory(Map<String, ?> sections, Values out) {
        if (sections.get(Snapshot.CONTAINER) instanceof ContainerInfo container && container.memoryPercent() != null) {
            out.accept(null, container.memoryPercent());
        }
    }

    static void diskBusy(Map<String, ?> sections, Values out) {
        if (sections.get(Snapshot.DISK_IO) instanceof DiskIoInfo io) {
            for (DiskIoDevice device : io.devices()) {
                out.accept(device.name(), device.busyPercent());
            }
        }
    }

    static void pressureMemory(Map<String, ?> sections, Values out) {
        if (sections.get(Snapshot.PRESSURE) instanceof PressureInfo pressure && pressure.memory() != null) {
            out.accept(null, pressure.memory().some().avg10());
        }
    }

    /** Every configured path from {@code disks}, or the single {@code disk} when {@code disks} is absent. */
    private static List<DiskInfo> disks(Map<String, ?> sections) {
        if (sections.get(Snapshot.DISKS) instanceof List<?> list) {
            List<DiskInfo> disks = new ArrayList<>(list.size());
            for (Object element : list) {
                if (element instanceof DiskInfo disk) {
                    disks.add(disk);
                }
            }
            return disks;
        }
        return sections.get(Snapshot.DISK) instanceof DiskInfo disk ? List.of(disk) : List.of();
    }

    private static List<GpuDevice> gpus(Map<String, ?> sections) {
        return sections.get(Snapshot.GPU) instanceof GpuInfo gpu ? gpu.gpus() : List.of();
    }
}
