package io.wsmon.core.collect;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.FileStore;

/**
 * One {@code statvfs} call per read through JNA's direct mapping, into a buffer kept from call to call:
 * JNA's interface mapping with a new {@code Statvfs} structure per call cost ten times the system call
 * itself, at every tick for every disk. The buffer is read at fixed offsets rather than laid out by a JNA
 * {@code Structure}: on Linux (glibc and musl, 32 and 64 bits) {@code struct statvfs} begins with
 * {@code f_bsize}, {@code f_frsize}, {@code f_blocks}, {@code f_bfree}, {@code f_bavail}, {@code f_files}
 * and {@code f_ffree}, each a C {@code unsigned long} for the {@code statvfs} symbol. A {@code Structure}
 * subclass of JNA's {@code LibC} would load and bind the whole C library interface (a proxy, reflection,
 * annotations) at the server's start, for six offsets. Not thread-safe: one monitor's collection uses it.
 */
final class StatvfsReader implements FileSystemReader {

    /** More than {@code sizeof(struct statvfs)} on any Linux (112 bytes on 64 bits, 72 on 32). */
    private static final int BUFFER_SIZE = 256;
    private static final int FRSIZE = 1;
    private static final int BLOCKS = 2;
    private static final int BFREE = 3;
    private static final int BAVAIL = 4;
    private static final int FILES = 5;
    private static final int FFREE = 6;

    static {
        Native.register(StatvfsReader.class, Platform.C_LIBRARY_NAME);
    }

    private final Memory buffer = new Memory(BUFFER_SIZE);

    private static native int statvfs(String path, Pointer buffer) throws LastErrorException;

    @Override
    public FileSystemUsage read(String path, FileStore store) throws IOException {
        try {
            statvfs(path, buffer);
        } catch (LastErrorException e) {
            throw new IOException("statvfs " + path + ": error " + e.getErrorCode(), e);
        }
        long blockSize = field(FRSIZE);
        long inodes = field(FILES);
        return new FileSystemUsage(
                field(BLOCKS) * blockSize,
                field(BAVAIL) * blockSize,
                field(BFREE) * blockSize,
                inodes > 0 ? inodes : -1,
                inodes > 0 ? field(FFREE) : -1);
    }

    /**
     * The {@code index}th {@code unsigned long} of the structure as a Java long: file systems have fewer
     * than 2^63 blocks and nodes.
     */
    private long field(int index) {
        return buffer.getNativeLong((long) index * Native.LONG_SIZE).longValue()
                & (Native.LONG_SIZE == 4 ? 0xFFFF_FFFFL : -1L);
    }
}
