package io.wsmon.core.collect;

import com.sun.jna.platform.linux.LibC;

/**
 * File node (inode) counts of the file system holding a path, which {@link java.nio.file.FileStore} does
 * not give: {@code statvfs} through JNA on Linux. Elsewhere, or where JNA cannot load, there is none and
 * the {@code inodes_*} fields are absent.
 */
interface InodeCounter {

    /**
     * @param path a path on the file system
     * @return {@code {total, free}}, or {@code null} when unknown or the file system has no fixed number
     */
    long[] count(String path);

    /** @return the counter for this platform, or {@code null} when there is none */
    static InodeCounter forPlatform() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return null;
        }
        try {
            LibC libc = LibC.INSTANCE;
            return path -> {
                LibC.Statvfs vfs = new LibC.Statvfs();
                if (libc.statvfs(path, vfs) != 0) {
                    return null;
                }
                long total = vfs.f_files.longValue();
                return total <= 0 ? null : new long[] {total, vfs.f_ffree.longValue()};
            };
        } catch (LinkageError e) {
            return null;
        }
    }
}
