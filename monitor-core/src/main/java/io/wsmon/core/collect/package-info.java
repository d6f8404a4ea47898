/**
 * The built-in monitors: {@code processor}, {@code memory}, {@code disk}/{@code disks}, {@code system},
 * {@code network} and {@code jvm}.
 *
 * <p>Facts that never change (core counts, maximum frequency, model and OS names, boot time) are read
 * once through OSHI into {@link io.wsmon.core.collect.HostFacts}. Values that change every tick are read
 * through a {@link io.wsmon.core.collect.HostProbe}: on Linux straight from {@code /proc}
 * ({@link io.wsmon.core.collect.linux.LinuxHostProbe}), which costs a fraction of OSHI's calls and is never
 * served stale from a cache; elsewhere through OSHI ({@link io.wsmon.core.collect.OshiHostProbe}).
 * Disk usage comes from {@link java.nio.file.FileStore}, the cheapest call on every platform. The
 * {@code processes}, {@code disk_io} and {@code sensors} sections come from {@code /proc} and {@code /sys}
 * on Linux ({@link io.wsmon.core.collect.linux}) and through OSHI elsewhere
 * ({@link io.wsmon.core.collect.OshiProcessesMonitor}, {@link io.wsmon.core.collect.OshiDiskIoMonitor},
 * {@link io.wsmon.core.collect.OshiSensorsMonitor}); {@code container} and {@code pressure} exist on Linux
 * only.
 */
package io.wsmon.core.collect;
