package io.wsmon.core.collect;

import io.wsmon.api.DiskInfo;
import io.wsmon.api.Monitor;
import io.wsmon.api.Snapshot;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code disk} section (the first path) and the {@code disks} section (every path): usage of the
 * file system holding each configured path, from one {@code statvfs} per path on Linux, which also gives
 * the file node counts ({@code inodes_*}); elsewhere from {@link FileStore}, without file node counts
 * ({@link FileSystemReader}).
 *
 * <p>The first two readings go through {@link FileStore}, without file node counts, and the second starts
 * loading the {@code statvfs} reader in the background; later readings use {@code statvfs} once it is
 * loaded, which takes ~100 ms of CPU (JNA's native library, {@code ldconfig -p}, the C library's symbols).
 * Not at the first reading: that CPU would be spent beside a server's way to its first snapshot (~30 ms
 * of a 2-core machine's start). So a service's snapshots have the counts from the third (a second after
 * the start at 2 Hz), {@code SystemMonitors} from its second {@code collect()}. A reading never waits for
 * the loading: with a short interval a few more readings may go through {@link FileStore}.
 *
 * <p>The mount of each path (its mount point, device and file system type) is found once, at start: the
 * device and type are what {@link FileStore#name()} and {@link FileStore#type()} say, the mount point is the
 * highest directory above the path still on the same file store.
 *
 * <p>Figures follow {@code df} and the seed: {@code free} is what an unprivileged user may still write,
 * {@code used} excludes blocks reserved for root, and the percentage is {@code used / (used + free)}.
 */
public final class DiskMonitor implements Monitor<SectionBundle> {

    /** The name under which this monitor is enabled or disabled; it fills {@code disk} and {@code disks}. */
    public static final String NAME = Snapshot.DISK;

    private final List<Path> paths;
    private final List<FileStore> stores = new ArrayList<>();
    private final List<Mount> mounts = new ArrayList<>();
    private CompletableFuture<FileSystemReader> statvfs;
    private boolean firstReadingDone;

    /**
     * @param paths the paths to watch, at least one; the first fills the {@code disk} section
     */
    public DiskMonitor(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("diskPaths: at least one path is needed");
        }
        this.paths = List.copyOf(paths);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(io.wsmon.api.MonitorContext context) throws IOException {
        for (Path path : paths) {
            FileStore store = Files.getFileStore(path);
            stores.add(store);
            mounts.add(Mount.of(path, store));
        }
    }

    @Override
    public SectionBundle collect() throws IOException {
        FileSystemReader reader = reader();
        List<DiskInfo> disks = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            disks.add(read(paths.get(i).toString(), stores.get(i), mounts.get(i), reader));
        }
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put(Snapshot.DISK, disks.get(0));
        sections.put(Snapshot.DISKS, disks);
        return new SectionBundle(sections);
    }

    /** The platform's reader once loaded, which the second reading starts; {@link FileStore} until then. */
    private FileSystemReader reader() {
        if (statvfs == null) {
            if (firstReadingDone) {
                statvfs = CompletableFuture.supplyAsync(FileSystemReader::forPlatform, DiskMonitor::loaderThread);
            }
            firstReadingDone = true;
            return FileSystemReader::ofStore;
        }
        return statvfs.getNow(FileSystemReader::ofStore);
    }

    private static void loaderThread(Runnable load) {
        Thread thread = new Thread(load, "wsmon-statvfs-load");
        thread.setDaemon(true);
        thread.start();
    }

    static DiskInfo read(String path, FileStore store, Mount mount, FileSystemReader reader) throws IOException {
        FileSystemUsage usage = reader.read(path, store);
        long total = usage.totalBytes();
        long free = usage.availableBytes();
        long used = total - usage.unallocatedBytes();
        long usable = used + free;
        double percentage = usable <= 0 ? 0.0 : Rounding.percent(used, usable);
        boolean nodes = usage.hasInodes();
        return new DiskInfo(path, total, used, free, percentage,
                nodes ? usage.inodes() : null,
                nodes ? usage.freeInodes() : null,
                nodes ? Rounding.percent(usage.inodes() - usage.freeInodes(), usage.inodes()) : null,
                mount.mountpoint(), mount.device(), mount.fstype());
    }

    /**
     * The mount a path is on.
     *
     * @param mountpoint where it is mounted; {@code null} when unknown
     * @param device the mounted device, as the platform names it; {@code null} when unknown
     * @param fstype the file system type; {@code null} when unknown
     */
    record Mount(String mountpoint, String device, String fstype) {

        static Mount of(Path path, FileStore store) {
            return new Mount(mountpoint(path, store), blankToNull(store.name()), blankToNull(store.type()));
        }

        /** Walks up from the path while the parent is on the same store: the last directory is the mount point. */
        private static String mountpoint(Path path, FileStore store) {
            try {
                Path top = path.toRealPath();
                for (Path parent = top.getParent(); parent != null; parent = parent.getParent()) {
                    if (!Files.getFileStore(parent).equals(store)) {
                        break;
                    }
                    top = parent;
                }
                return top.toString();
            } catch (IOException | SecurityException e) {
                return null;
            }
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text;
        }
    }
}
