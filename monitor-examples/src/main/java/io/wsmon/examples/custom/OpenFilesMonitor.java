package io.wsmon.examples.custom;

import io.wsmon.api.Monitor;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A custom monitor: the host's open file handles, from {@code /proc/sys/fs/file-nr}. It adds an
 * {@code open_files} section: {@code "open_files":{"allocated":1234,"maximum":9223372036854775807}}.
 *
 * <p>Add it with {@code MonitoringService.builder().monitor(new OpenFilesMonitor())}.
 */
public final class OpenFilesMonitor implements Monitor<OpenFilesMonitor.OpenFiles> {

    /**
     * The section's value.
     *
     * @param allocated file handles allocated now
     * @param maximum the system-wide limit
     */
    public record OpenFiles(long allocated, long maximum) {}

    private static final Path FILE_NR = Path.of("/proc/sys/fs/file-nr");

    @Override
    public String name() {
        return "open_files";
    }

    @Override
    public void start(io.wsmon.api.MonitorContext context) throws io.wsmon.api.MonitorUnavailableException {
        if (!Files.isReadable(FILE_NR)) {
            throw new io.wsmon.api.MonitorUnavailableException(FILE_NR + " is not readable on this system");
        }
    }

    @Override
    public OpenFiles collect() throws Exception {
        String[] fields = Files.readString(FILE_NR).trim().split("\\s+");
        return new OpenFiles(Long.parseLong(fields[0]), Long.parseLong(fields[2]));
    }
}
