package io.wsmon.metrics.snapshot;

import static io.wsmon.metrics.MetricUnit.BYTES;
import static io.wsmon.metrics.MetricUnit.CELSIUS;
import static io.wsmon.metrics.MetricUnit.HERTZ;
import static io.wsmon.metrics.MetricUnit.NONE;
import static io.wsmon.metrics.MetricUnit.RATIO;
import static io.wsmon.metrics.MetricUnit.WATTS;
import static io.wsmon.metrics.snapshot.SectionMapping.ratio;
import static io.wsmon.metrics.snapshot.SectionMapping.scaled;

import io.wsmon.metrics.Figure;
import io.wsmon.metrics.Label;
import io.wsmon.metrics.LabelKey;

/** The {@code gpu} section: one series per GPU, labelled with its index, UUID and name. */
final class GpuMapping implements SectionMapping {

    static final Figure UTILIZATION = Figure.gauge("wsmon_gpu_utilization_ratio", "hw.gpu.utilization", RATIO,
            "Share of time the GPU was busy over the driver's last sample period");
    static final Figure MEMORY_UTILIZATION = Figure.gauge("wsmon_gpu_memory_utilization_ratio",
            "wsmon.gpu.memory.utilization", RATIO, "Share of time the GPU's memory controller was busy");
    static final Figure MEMORY_USED = Figure.gauge("wsmon_gpu_memory_used_bytes", "hw.gpu.memory.usage", BYTES,
            "GPU memory in use");
    static final Figure MEMORY_TOTAL = Figure.gauge("wsmon_gpu_memory_total_bytes", "hw.gpu.memory.limit", BYTES,
            "GPU memory installed");
    static final Figure TEMPERATURE = Figure.gauge("wsmon_gpu_temperature_celsius", "wsmon.gpu.temperature", CELSIUS,
            "GPU core temperature");
    static final Figure POWER = Figure.gauge("wsmon_gpu_power_watts", "wsmon.gpu.power", WATTS, "GPU power draw");
    static final Figure POWER_LIMIT = Figure.gauge("wsmon_gpu_power_limit_watts", "wsmon.gpu.power.limit", WATTS,
            "GPU enforced power limit");
    static final Figure FAN = Figure.gauge("wsmon_gpu_fan_speed_ratio", "wsmon.gpu.fan.speed", RATIO,
            "GPU fan speed, as a share of its maximum");
    static final Figure CLOCK_GRAPHICS = Figure.gauge("wsmon_gpu_clock_graphics_hertz", "wsmon.gpu.clock.graphics",
            HERTZ, "GPU graphics clock");
    static final Figure CLOCK_MEMORY = Figure.gauge("wsmon_gpu_clock_memory_hertz", "wsmon.gpu.clock.memory", HERTZ,
            "GPU memory clock");
    static final Figure PROCESSES = Figure.gauge("wsmon_gpu_compute_processes", "wsmon.gpu.compute_processes", NONE,
            "Compute processes running on the GPU");

    private static final LabelKey GPU = LabelKey.of("gpu", "hw.id");
    private static final LabelKey UUID = LabelKey.of("uuid", "wsmon.gpu.uuid");
    private static final LabelKey NAME = LabelKey.of("name", "hw.name");
    private static final double HERTZ_PER_MEGAHERTZ = 1e6;

    @Override
    public void map(String name, Object wire, Families out) {
        WireNode.of(wire).ifPresent(g -> {
            for (WireNode gpu : g.children("gpus")) {
                Label[] labels = {
                    GPU.is(gpu.number("id").isPresent() ? Long.toString((long) gpu.number("id").getAsDouble()) : ""),
                    UUID.is(gpu.text("uuid").orElse("")),
                    NAME.is(gpu.text("name").orElse(""))
                };
                out.add(UTILIZATION, ratio(gpu.number("gpu_usage_percent")), labels);
                out.add(MEMORY_UTILIZATION, ratio(gpu.number("memory_usage_percent")), labels);
                out.add(MEMORY_USED, gpu.number("memory_used"), labels);
                out.add(MEMORY_TOTAL, gpu.number("memory_total"), labels);
                out.add(TEMPERATURE, gpu.number("temperature"), labels);
                out.add(POWER, gpu.number("power_draw"), labels);
                out.add(POWER_LIMIT, gpu.number("power_limit"), labels);
                out.add(FAN, ratio(gpu.number("fan_speed")), labels);
                out.add(CLOCK_GRAPHICS, scaled(gpu.number("clock_graphics"), HERTZ_PER_MEGAHERTZ), labels);
                out.add(CLOCK_MEMORY, scaled(gpu.number("clock_memory"), HERTZ_PER_MEGAHERTZ), labels);
                out.add(PROCESSES, gpu.number("compute_processes"), labels);
            }
        });
    }
}
