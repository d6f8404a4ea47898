package io.wsmon.core.collect.linux;

import io.wsmon.core.collect.VirtualDisks;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Which names of {@code /proc/diskstats} are whole devices worth showing: those with an entry in
 * {@code /sys/block} (partitions have none) that are not loop, RAM, compressed-RAM or floppy devices; and
 * which of them sit on others (an entry in {@code slaves}), so totals can leave them out. Listed again
 * when a name it has not classified turns up (a device plugged in).
 */
final class BlockDevices {

    private final Path sysBlock;
    private final Set<String> shown = new HashSet<>();
    private final Set<String> stacked = new HashSet<>();
    private final Set<String> hidden = new HashSet<>();

    BlockDevices(Path sys) {
        this.sysBlock = sys.resolve("block");
    }

    /** Lists {@code /sys/block} again. */
    void refresh() throws IOException {
        shown.clear();
        stacked.clear();
        hidden.clear();
        try (DirectoryStream<Path> devices = Files.newDirectoryStream(sysBlock)) {
            for (Path device : devices) {
                String name = device.getFileName().toString();
                if (VirtualDisks.isVirtual(name)) {
                    hidden.add(name);
                } else {
                    shown.add(name);
                    if (hasEntries(device.resolve("slaves"))) {
                        stacked.add(name);
                    }
                }
            }
        }
    }

    /** @return whether the device is listed; unknown names trigger one new listing */
    boolean isShown(String name) throws IOException {
        if (!shown.contains(name) && !hidden.contains(name)) {
            refresh();
            if (!shown.contains(name)) {
                hidden.add(name); // a partition: not asked about again until the next listing
            }
        }
        return shown.contains(name);
    }

    /** @return whether the device sits on other listed devices, so its traffic is already counted */
    boolean isStacked(String name) {
        return stacked.contains(name);
    }

    private static boolean hasEntries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return entries.iterator().hasNext();
        }
    }
}
