package io.wsmon.core.collect.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The processors' current frequency, averaged, in MHz: each processor's {@code cpufreq/scaling_cur_freq}
 * where the kernel has {@code cpufreq} (a number per processor, as psutil and node_exporter read it), else
 * the {@code cpu MHz} lines of {@code /proc/cpuinfo} (most virtual machines). {@code cpufreq} comes first
 * because it is the cheaper read: on x86 every read of {@code /proc/cpuinfo} makes the kernel sample the
 * frequency of each processor (on some kernels by an interrupt to each one whose last sample is stale) and
 * format every processor's whole description, twice a second.
 */
final class CurrentFrequency {

    private final List<ProcFile> scalingFiles;
    private final ProcFile cpuinfo;

    /**
     * @param proc the {@code /proc} root
     * @param sys the {@code /sys} root
     */
    CurrentFrequency(Path proc, Path sys) {
        this.scalingFiles = scalingFiles(sys.resolve("devices/system/cpu"));
        this.cpuinfo = new ProcFile(proc.resolve("cpuinfo"));
    }

    private static List<ProcFile> scalingFiles(Path cpus) {
        List<ProcFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cpus, "cpu[0-9]*")) {
            for (Path cpu : entries) {
                Path current = cpu.resolve("cpufreq/scaling_cur_freq");
                if (Files.isReadable(current)) {
                    files.add(new ProcFile(current));
                }
            }
        } catch (IOException e) {
            return List.of(); // no sysfs here: /proc/cpuinfo it is
        }
        return List.copyOf(files);
    }

    /**
     * @return the average current frequency in MHz, to one decimal; empty when the machine does not say
     * @throws IOException when the files cannot be read
     */
    OptionalDouble mhz() throws IOException {
        if (scalingFiles.isEmpty()) {
            return ProcParsers.currentFrequencyMhz(cpuinfo.read());
        }
        double sumKhz = 0;
        int processors = 0;
        for (ProcFile file : scalingFiles) {
            try {
                sumKhz += file.read().nextLong();
                processors++;
            } catch (IOException e) {
                // a processor taken offline since the start: the others still tell
            }
        }
        if (processors == 0) {
            return ProcParsers.currentFrequencyMhz(cpuinfo.read());
        }
        return OptionalDouble.of(Math.round(sumKhz / processors / 1000.0 * 10.0) / 10.0);
    }
}
