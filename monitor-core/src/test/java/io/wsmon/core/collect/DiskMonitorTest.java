package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.DiskInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class DiskMonitorTest {

    @TempDir
    Path dir;

    @Test
    void collect_fillsDiskWithTheFirstPathAndDisksWithAll() throws Exception {
        DiskMonitor monitor = new DiskMonitor(List.of(Path.of("/"), dir));
        monitor.start(null);

        SectionBundle bundle = monitor.collect();

        assertThat(bundle.sections()).containsOnlyKeys("disk", "disks");
        DiskInfo root = (DiskInfo) bundle.sections().get("disk");
        assertThat(root.path()).isEqualTo("/");
        assertThat(bundle.sections().get("disks")).asList().hasSize(2);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void collect_firstThroughFileStore_thenStatvfsOnceLoaded() throws Exception {
        DiskMonitor monitor = new DiskMonitor(List.of(dir));
        monitor.start(null);

        DiskInfo first = (DiskInfo) monitor.collect().sections().get("disk");

        assertThat(first.inodesTotal()).as("the first reading does not wait for JNA").isNull();
        assertThat(first.total()).isEqualTo(Files.getFileStore(dir).getTotalSpace());
        FileSystemUsage statvfs = new StatvfsReader().read(dir.toString(), Files.getFileStore(dir));
        if (statvfs.hasInodes()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            DiskInfo later = first;
            while (later.inodesTotal() == null && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                later = (DiskInfo) monitor.collect().sections().get("disk");
            }
            assertThat(later.inodesTotal()).as("statvfs once loaded").isEqualTo(statvfs.inodes());
        }
    }

    @Test
    void read_followsDf_usedPlusFreeExcludesReservedBlocks() throws Exception {
        FileStore store = Files.getFileStore(dir);

        DiskInfo disk = DiskMonitor.read(dir.toString(), store, DiskMonitor.Mount.of(dir, store),
                FileSystemReader::ofStore);

        assertThat(disk.total()).isEqualTo(store.getTotalSpace());
        assertThat(disk.used() + disk.free()).isLessThanOrEqualTo(disk.total());
        assertThat(disk.percentage()).isBetween(0.0, 100.0);
        assertThat(disk.freeGb()).isEqualTo(disk.free() / (1024.0 * 1024 * 1024));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void statvfsReader_agreesWithFileStoreAndStat() throws Exception {
        FileStore store = Files.getFileStore(dir);

        FileSystemUsage usage = new StatvfsReader().read(dir.toString(), store);

        assertThat(usage.totalBytes()).isEqualTo(store.getTotalSpace());
        assertThat(usage.unallocatedBytes()).isGreaterThanOrEqualTo(usage.availableBytes());
        // stat -f prints the file system's node count, which does not move while files come and go
        Process stat = new ProcessBuilder("stat", "-f", "--format=%c", dir.toString()).start();
        long inodes = Long.parseLong(new String(stat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
        assertThat(stat.waitFor()).isZero();
        assertThat(usage.inodes()).isEqualTo(inodes > 0 ? inodes : -1);
        assertThat(usage.freeInodes()).isBetween(inodes > 0 ? 0L : -1L, usage.inodes());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void statvfsReader_missingPath_namesThePath() {
        assertThatThrownBy(() -> new StatvfsReader().read(dir.resolve("gone").toString(), Files.getFileStore(dir)))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("statvfs " + dir.resolve("gone"));
    }

    @Test
    void mount_isTheStoresNameAndType_atTheHighestDirectoryOnIt() throws Exception {
        Path nested = Files.createDirectories(dir.resolve("a/b"));
        FileStore store = Files.getFileStore(nested);

        DiskMonitor.Mount mount = DiskMonitor.Mount.of(nested, store);

        Path mountpoint = Path.of(mount.mountpoint());
        assertThat(nested.toRealPath().startsWith(mountpoint)).as("%s is above %s", mountpoint, nested).isTrue();
        assertThat(Files.getFileStore(mountpoint)).isEqualTo(store);
        if (mountpoint.getParent() != null) {
            assertThat(Files.getFileStore(mountpoint.getParent())).isNotEqualTo(store);
        }
        assertThat(mount.device()).isEqualTo(store.name());
        assertThat(mount.fstype()).isEqualTo(store.type());
    }
}
