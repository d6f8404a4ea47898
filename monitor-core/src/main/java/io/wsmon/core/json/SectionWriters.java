package io.wsmon.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.wsmon.api.Alert;
import io.wsmon.api.ContainerInfo;
import io.wsmon.api.CpuTimesPercent;
import io.wsmon.api.CpuTimesSeconds;
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
import io.wsmon.api.DiskInfo;
import io.wsmon.api.GpuDevice;
import io.wsmon.api.GpuInfo;
import io.wsmon.api.JvmInfo;
import io.wsmon.api.MemoryInfo;
import io.wsmon.api.NetworkInfo;
import io.wsmon.api.NetworkInterfaceInfo;
import io.wsmon.api.ProcessorInfo;
import io.wsmon.api.SwapInfo;
import io.wsmon.api.SystemInfo;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The built-in sections and alerts written field by field on the streaming generator. This writes the
 * same JSON as Jackson's data binding (the codec's tests compare both) at a fraction of the cost: at two
 * ticks a second the encoder runs mostly uncompiled, where binding's generic machinery costs ~0.2 ms a
 * snapshot and these writers a tenth of it.
 */
final class SectionWriters {

    private SectionWriters() {}

    /** The section records written here; records are final, so a value's class tells. */
    private static final Set<Class<?>> SECTION_TYPES = Set.of(ProcessorInfo.class, MemoryInfo.class, DiskInfo.class,
            SystemInfo.class, NetworkInfo.class, JvmInfo.class, GpuInfo.class, ProcessesInfo.class, DiskIoInfo.class,
            SensorsInfo.class, ContainerInfo.class, PressureInfo.class);

    /**
     * @param value a section value
     * @return whether {@link #write} writes it: a built-in section record, or the {@code disks} list
     */
    static boolean isBuiltIn(Object value) {
        return SECTION_TYPES.contains(value.getClass()) || isDiskList(value);
    }

    private static boolean isDiskList(Object value) {
        return value instanceof List<?> list && list.stream().allMatch(DiskInfo.class::isInstance);
    }

    /**
     * Writes a built-in value.
     *
     * @throws IllegalArgumentException when the value is not {@linkplain #isBuiltIn built in}
     */
    static void write(JsonGenerator gen, Object value) throws IOException {
        if (value instanceof ProcessorInfo p) {
            processor(gen, p);
        } else if (value instanceof MemoryInfo m) {
            memory(gen, m);
        } else if (value instanceof DiskInfo d) {
            disk(gen, d);
        } else if (value instanceof SystemInfo s) {
            system(gen, s);
        } else if (value instanceof NetworkInfo n) {
            network(gen, n);
        } else if (value instanceof JvmInfo j) {
            jvm(gen, j);
        } else if (value instanceof GpuInfo g) {
            gpu(gen, g);
        } else if (value instanceof ProcessesInfo p) {
            processes(gen, p);
        } else if (value instanceof DiskIoInfo d) {
            diskIo(gen, d);
        } else if (value instanceof SensorsInfo s) {
            sensors(gen, s);
        } else if (value instanceof ContainerInfo c) {
            container(gen, c);
        } else if (value instanceof PressureInfo p) {
            pressure(gen, p);
        } else if (isDiskList(value)) {
            gen.writeStartArray();
            for (Object disk : (List<?>) value) {
                disk(gen, (DiskInfo) disk);
            }
            gen.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a built-in section: " + value.getClass().getName());
        }
    }

    static void alerts(JsonGenerator gen, List<Alert> alerts) throws IOException {
        gen.writeStartArray();
        for (Alert a : alerts) {
            gen.writeStartObject();
            gen.writeStringField("timestamp", TimestampFormat.MICROS.format(a.timestamp()));
            gen.writeStringField("component", a.component());
            gen.writeStringField("metric", a.metric());
            text(gen, "resource", a.resource());
            gen.writeNumberField("value", a.value());
            gen.writeNumberField("threshold", a.threshold());
            gen.writeStringField("level", a.level().name());
            gen.writeStringField("message", a.message());
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    private static void processor(JsonGenerator gen, ProcessorInfo p) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("usage_percent", p.usagePercent());
        numbers(gen, "per_core_usage", p.perCoreUsage());
        gen.writeNumberField("core_count", p.coreCount());
        gen.writeNumberField("logical_count", p.logicalCount());
        number(gen, "frequency_current", p.frequencyCurrent());
        number(gen, "frequency_max", p.frequencyMax());
        numbers(gen, "load_average", p.loadAverage());
        CpuTimesPercent t = p.timesPercent();
        if (t != null) {
            gen.writeObjectFieldStart("times_percent");
            gen.writeNumberField("user", t.user());
            gen.writeNumberField("system", t.system());
            gen.writeNumberField("nice", t.nice());
            gen.writeNumberField("iowait", t.iowait());
            gen.writeNumberField("irq", t.irq());
            gen.writeNumberField("softirq", t.softirq());
            gen.writeNumberField("steal", t.steal());
            gen.writeNumberField("idle", t.idle());
            gen.writeEndObject();
        }
        if (p.timesSeconds() != null) {
            gen.writeArrayFieldStart("times_seconds");
            for (CpuTimesSeconds c : p.timesSeconds()) {
                gen.writeStartObject();
                gen.writeNumberField("cpu", c.cpu());
                gen.writeNumberField("user", c.user());
                gen.writeNumberField("nice", c.nice());
                gen.writeNumberField("system", c.system());
                gen.writeNumberField("idle", c.idle());
                gen.writeNumberField("iowait", c.iowait());
                gen.writeNumberField("irq", c.irq());
                gen.writeNumberField("softirq", c.softirq());
                gen.writeNumberField("steal", c.steal());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        number(gen, "procs_running", p.procsRunning());
        number(gen, "procs_blocked", p.procsBlocked());
        gen.writeEndObject();
    }

    private static void memory(JsonGenerator gen, MemoryInfo m) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("total", m.total());
        gen.writeNumberField("available", m.available());
        gen.writeNumberField("used", m.used());
        gen.writeNumberField("percentage", m.percentage());
        SwapInfo swap = m.swap();
        if (swap != null) {
            gen.writeObjectFieldStart("swap");
            gen.writeNumberField("total", swap.total());
            gen.writeNumberField("used", swap.used());
            gen.writeNumberField("free", swap.free());
            gen.writeNumberField("percentage", swap.percentage());
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    private static void disk(JsonGenerator gen, DiskInfo d) throws IOException {
        gen.writeStartObject();
        text(gen, "path", d.path());
        gen.writeNumberField("total", d.total());
        gen.writeNumberField("used", d.used());
        gen.writeNumberField("free", d.free());
        gen.writeNumberField("percentage", d.percentage());
        number(gen, "inodes_total", d.inodesTotal());
        number(gen, "inodes_free", d.inodesFree());
        number(gen, "inodes_percent", d.inodesPercent());
        text(gen, "mountpoint", d.mountpoint());
        text(gen, "device", d.device());
        text(gen, "fstype", d.fstype());
        gen.writeEndObject();
    }

    private static void system(JsonGenerator gen, SystemInfo s) throws IOException {
        gen.writeStartObject();
        text(gen, "os_name", s.osName());
        text(gen, "os_version", s.osVersion());
        text(gen, "os_release", s.osRelease());
        text(gen, "architecture", s.architecture());
        text(gen, "machine", s.machine());
        text(gen, "processor", s.processor());
        text(gen, "hostname", s.hostname());
        text(gen, "domainname", s.domainname());
        text(gen, "java_version", s.javaVersion());
        gen.writeNumberField("processes", s.processes());
        if (s.bootTime() != null) {
            gen.writeStringField("boot_time", TimestampFormat.SECONDS.format(s.bootTime()));
        }
        gen.writeNumberField("uptime_seconds", s.uptimeSeconds());
        gen.writeEndObject();
    }

    private static void network(JsonGenerator gen, NetworkInfo n) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("bytes_sent_per_sec", n.bytesSentPerSec());
        gen.writeNumberField("bytes_recv_per_sec", n.bytesRecvPerSec());
        gen.writeNumberField("bytes_sent", n.bytesSent());
        gen.writeNumberField("bytes_recv", n.bytesRecv());
        gen.writeArrayFieldStart("interfaces");
        for (NetworkInterfaceInfo i : n.interfaces()) {
            gen.writeStartObject();
            text(gen, "name", i.name());
            gen.writeNumberField("bytes_sent_per_sec", i.bytesSentPerSec());
            gen.writeNumberField("bytes_recv_per_sec", i.bytesRecvPerSec());
            gen.writeNumberField("bytes_sent", i.bytesSent());
            gen.writeNumberField("bytes_recv", i.bytesRecv());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void jvm(JsonGenerator gen, JvmInfo j) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("heap_used", j.heapUsed());
        gen.writeNumberField("heap_committed", j.heapCommitted());
        gen.writeNumberField("heap_max", j.heapMax());
        gen.writeNumberField("non_heap_used", j.nonHeapUsed());
        gen.writeNumberField("non_heap_committed", j.nonHeapCommitted());
        gen.writeNumberField("rss", j.rss());
        number(gen, "cpu_percent", j.cpuPercent());
        gen.writeNumberField("threads", j.threads());
        gen.writeNumberField("open_file_descriptors", j.openFileDescriptors());
        number(gen, "tcp_connections", j.tcpConnections());
        gen.writeNumberField("gc_count", j.gcCount());
        gen.writeNumberField("gc_time_millis", j.gcTimeMillis());
        number(gen, "memory_growth_per_hour", j.memoryGrowthPerHour());
        gen.writeBooleanField("leak_suspected", j.leakSuspected());
        gen.writeEndObject();
    }

    private static void gpu(JsonGenerator gen, GpuInfo g) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("count", g.count());
        gen.writeArrayFieldStart("gpus");
        for (GpuDevice d : g.gpus()) {
            gen.writeStartObject();
            gen.writeNumberField("id", d.id());
            text(gen, "name", d.name());
            text(gen, "uuid", d.uuid());
            text(gen, "driver_version", d.driverVersion());
            number(gen, "memory_total", d.memoryTotal());
            number(gen, "memory_used", d.memoryUsed());
            number(gen, "memory_free", d.memoryFree());
            number(gen, "gpu_usage_percent", d.gpuUsagePercent());
            number(gen, "memory_usage_percent", d.memoryUsagePercent());
            number(gen, "temperature", d.temperature());
            number(gen, "power_draw", d.powerDraw());
            number(gen, "power_limit", d.powerLimit());
            number(gen, "fan_speed", d.fanSpeed());
            number(gen, "clock_graphics", d.clockGraphics());
            number(gen, "clock_memory", d.clockMemory());
            number(gen, "compute_processes", d.computeProcesses());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void processes(JsonGenerator gen, ProcessesInfo p) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("total", p.total());
        gen.writeNumberField("running", p.running());
        gen.writeNumberField("sleeping", p.sleeping());
        gen.writeNumberField("disk_sleep", p.diskSleep());
        gen.writeNumberField("idle", p.idle());
        gen.writeNumberField("stopped", p.stopped());
        gen.writeNumberField("zombie", p.zombie());
        gen.writeNumberField("threads", p.threads());
        processList(gen, "top_cpu", p.topCpu());
        processList(gen, "top_memory", p.topMemory());
        gen.writeEndObject();
    }

    private static void processList(JsonGenerator gen, String name, List<ProcessInfo> processes) throws IOException {
        gen.writeArrayFieldStart(name);
        for (ProcessInfo p : processes) {
            gen.writeStartObject();
            gen.writeNumberField("pid", p.pid());
            text(gen, "name", p.name());
            text(gen, "user", p.user());
            gen.writeNumberField("cpu_percent", p.cpuPercent());
            gen.writeNumberField("rss", p.rss());
            gen.writeNumberField("memory_percent", p.memoryPercent());
            gen.writeNumberField("threads", p.threads());
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    private static void diskIo(JsonGenerator gen, DiskIoInfo d) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("read_bytes_per_sec", d.readBytesPerSec());
        gen.writeNumberField("write_bytes_per_sec", d.writeBytesPerSec());
        gen.writeNumberField("reads_per_sec", d.readsPerSec());
        gen.writeNumberField("writes_per_sec", d.writesPerSec());
        gen.writeArrayFieldStart("devices");
        for (DiskIoDevice device : d.devices()) {
            gen.writeStartObject();
            text(gen, "name", device.name());
            gen.writeNumberField("read_bytes_per_sec", device.readBytesPerSec());
            gen.writeNumberField("write_bytes_per_sec", device.writeBytesPerSec());
            gen.writeNumberField("reads_per_sec", device.readsPerSec());
            gen.writeNumberField("writes_per_sec", device.writesPerSec());
            gen.writeNumberField("busy_percent", device.busyPercent());
            gen.writeNumberField("read_bytes", device.readBytes());
            gen.writeNumberField("write_bytes", device.writeBytes());
            gen.writeNumberField("reads", device.reads());
            gen.writeNumberField("writes", device.writes());
            gen.writeNumberField("io_time_seconds", device.ioTimeSeconds());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void sensors(JsonGenerator gen, SensorsInfo s) throws IOException {
        gen.writeStartObject();
        gen.writeArrayFieldStart("temperatures");
        for (TemperatureSensor t : s.temperatures()) {
            gen.writeStartObject();
            text(gen, "chip", t.chip());
            text(gen, "label", t.label());
            gen.writeNumberField("current", t.current());
            number(gen, "high", t.high());
            number(gen, "critical", t.critical());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("fans");
        for (FanSensor f : s.fans()) {
            gen.writeStartObject();
            text(gen, "chip", f.chip());
            text(gen, "label", f.label());
            gen.writeNumberField("rpm", f.rpm());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void container(JsonGenerator gen, ContainerInfo c) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("cgroup_version", c.cgroupVersion());
        number(gen, "memory_limit", c.memoryLimit());
        gen.writeNumberField("memory_used", c.memoryUsed());
        number(gen, "memory_percent", c.memoryPercent());
        number(gen, "cpu_limit_cores", c.cpuLimitCores());
        number(gen, "cpu_percent_of_limit", c.cpuPercentOfLimit());
        number(gen, "throttled_periods", c.throttledPeriods());
        number(gen, "throttled_seconds", c.throttledSeconds());
        gen.writeEndObject();
    }

    private static void pressure(JsonGenerator gen, PressureInfo p) throws IOException {
        gen.writeStartObject();
        stall(gen, "cpu", p.cpu());
        stall(gen, "memory", p.memory());
        stall(gen, "io", p.io());
        gen.writeEndObject();
    }

    private static void stall(JsonGenerator gen, String name, PressureStall stall) throws IOException {
        if (stall == null) {
            return;
        }
        gen.writeObjectFieldStart(name);
        averages(gen, "some", stall.some());
        averages(gen, "full", stall.full());
        gen.writeEndObject();
    }

    private static void averages(JsonGenerator gen, String name, PressureAverages a) throws IOException {
        if (a == null) {
            return;
        }
        gen.writeObjectFieldStart(name);
        gen.writeNumberField("avg10", a.avg10());
        gen.writeNumberField("avg60", a.avg60());
        gen.writeNumberField("avg300", a.avg300());
        gen.writeNumberField("total_seconds", a.totalSeconds());
        gen.writeEndObject();
    }

    private static void text(JsonGenerator gen, String name, String value) throws IOException {
        if (value != null) {
            gen.writeStringField(name, value);
        }
    }

    private static void number(JsonGenerator gen, String name, Number value) throws IOException {
        if (value instanceof Double d) {
            gen.writeNumberField(name, d);
        } else if (value instanceof Long l) {
            gen.writeNumberField(name, l);
        } else if (value instanceof Integer i) {
            gen.writeNumberField(name, i);
        }
    }

    private static void numbers(JsonGenerator gen, String name, List<Double> values) throws IOException {
        if (values == null) {
            return;
        }
        gen.writeArrayFieldStart(name);
        for (double value : values) {
            gen.writeNumber(value);
        }
        gen.writeEndArray();
    }
}
