package io.wsmon.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.DiskInfo;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
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
    void read_followsDf_usedPlusFreeExcludesReservedBlocks() throws Exception {
        FileStore store = Files.getFileStore(dir);

        DiskInfo disk = DiskMonitor.read(dir.toString(), store, DiskMonitor.Mount.of(dir, store), null);

        assertThat(disk.total()).isEqualTo(store.getTotalSpace());
        assertThat(disk.used() + disk.free()).isLessThanOrEqualTo(disk.total());
        assertThat(disk.percentage()).isBetween(0.0, 100.0);
        assertThat(disk.freeGb()).isEqualTo(disk.free() / (1024.0 * 1024 * 1024));
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
