package io.wsmon.core.collect.linux;

import io.wsmon.core.collect.HostFacts;
import io.wsmon.core.collect.NominalFrequency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The host's static facts read from {@code /proc} and {@code /sys}: a few small files, against the
 * ~200 ms it takes OSHI to start. The maximum frequency comes from {@code cpufreq}, else from the model
 * name ({@link NominalFrequency}). Gives up (empty) where a fact is missing, for example on a processor
 * whose {@code /proc/cpuinfo} has no model name, so the caller can ask OSHI instead.
 */
public final class LinuxHostFacts {

    private LinuxHostFacts() {}

    /**
     * @return the facts of this machine, or empty when {@code /proc} does not tell them all
     */
    public static Optional<HostFacts> read() {
        return read(Path.of("/proc"), Path.of("/sys"));
    }

    static Optional<HostFacts> read(Path proc, Path sys) {
        try {
            String cpuinfo = Files.readString(proc.resolve("cpuinfo"), StandardCharsets.ISO_8859_1);
            String model = null;
            int logical = 0;
            Set<String> cores = new HashSet<>();
            String physicalId = "0";
            for (String line : cpuinfo.split("\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                switch (key) {
                    case "processor" -> logical++;
                    case "model name" -> model = model == null ? value : model;
                    case "physical id" -> physicalId = value;
                    case "core id" -> cores.add(physicalId + "/" + value);
                    default -> { }
                }
            }
            Optional<Long> bootSeconds = bootTime(proc.resolve("stat"));
            if (model == null || logical == 0 || cores.isEmpty() || bootSeconds.isEmpty()) {
                return Optional.empty();
            }
            String architecture = System.getProperty("os.arch");
            Double nominal = NominalFrequency.ofModelName(model);
            return Optional.of(new HostFacts(
                    System.getProperty("os.name"),
                    firstLine(proc.resolve("sys/kernel/version")).orElse(System.getProperty("os.version")),
                    System.getProperty("os.version"),
                    architecture,
                    firstLine(proc.resolve("sys/kernel/arch")).orElse(HostFacts.machineOf(architecture)),
                    model,
                    firstLine(proc.resolve("sys/kernel/hostname")).orElse("localhost"),
                    firstLine(proc.resolve("sys/kernel/domainname")).orElse(""),
                    cores.size(),
                    logical,
                    firstLine(sys.resolve("devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq"))
                            .map(khz -> Long.parseLong(khz) / 1000.0)
                            .orElse(nominal),
                    Instant.ofEpochSecond(bootSeconds.get())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> bootTime(Path stat) throws IOException {
        for (String line : Files.readAllLines(stat, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("btime ")) {
                return Optional.of(Long.parseLong(line.substring(6).trim()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstLine(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
