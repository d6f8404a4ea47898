package io.wsmon.core.collect;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.platform.linux.LibC;
import java.io.IOException;
import java.nio.file.FileStore;

/**
 * One {@code statvfs} call per read through JNA's direct mapping, into a buffer kept from call to call:
 * JNA's interface mapping with a new {@code Statvfs} structure per call cost ten times the system call
 * itself, at every tick for every disk. The field offsets are the ones JNA lays out for
 * {@link LibC.Statvfs} on this platform. Not thread-safe: one monitor's collection uses it.
 */
final class StatvfsReader implements FileSystemReader {

    private static final Layout LAYOUT = new Layout();

    static {
        Native.register(StatvfsReader.class, Platform.C_LIBRARY_NAME);
    }

    private final Memory buffer = new Memory(LAYOUT.size());

    private static native int statvfs(String path, Pointer buffer) throws LastErrorException;

    @Override
    public FileSystemUsage read(String path, FileStore store) throws IOException {
        try {
            statvfs(path, buffer);
        } catch (LastErrorException e) {
            throw new IOException("statvfs " + path + ": error " + e.getErrorCode(), e);
        }
        long blockSize = field(LAYOUT.frsize);
        long inodes = field(LAYOUT.files);
        return new FileSystemUsage(
                field(LAYOUT.blocks) * blockSize,
                field(LAYOUT.bavail) * blockSize,
                field(LAYOUT.bfree) * blockSize,
                inodes > 0 ? inodes : -1,
                inodes > 0 ? field(LAYOUT.ffree) : -1);
    }

    /** An unsigned C long as a Java long: file systems have fewer than 2^63 blocks and nodes. */
    private long field(long offset) {
        return buffer.getNativeLong(offset).longValue() & (Native.LONG_SIZE == 4 ? 0xFFFF_FFFFL : -1L);
    }

    /** Where JNA puts the fields of {@code struct statvfs} on this platform. */
    private static final class Layout extends LibC.Statvfs {

        final long frsize = fieldOffset("f_frsize");
        final long blocks = fieldOffset("f_blocks");
        final long bfree = fieldOffset("f_bfree");
        final long bavail = fieldOffset("f_bavail");
        final long files = fieldOffset("f_files");
        final long ffree = fieldOffset("f_ffree");
    }
}
