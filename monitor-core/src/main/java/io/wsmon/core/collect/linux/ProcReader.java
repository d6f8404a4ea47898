package io.wsmon.core.collect.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads files that come and go, such as {@code /proc/PID/stat}: opened, read whole and closed at each
 * call, into a buffer it reuses. Not thread-safe: one per monitor, and each reading must be parsed before
 * the next call.
 */
final class ProcReader {

    private ByteBuffer buffer = ByteBuffer.allocate(4096);

    /**
     * @param path the file
     * @return its content
     * @throws IOException when the file cannot be opened or read, for example because its process ended
     */
    ProcText read(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            buffer = ProcFile.readWhole(channel, buffer);
        }
        return new ProcText(buffer.array(), buffer.position());
    }

    /**
     * Reads only the start of a file, as much as one read gives into the buffer (4 KB at first): for a
     * long file whose first lines are enough, such as {@code /proc/self/smaps}, which the kernel writes
     * mapping by mapping (~190 KB for a JVM) as it is read.
     *
     * @param path the file
     * @return its first bytes
     * @throws IOException when the file cannot be opened or read
     */
    ProcText readStart(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            buffer.clear();
            channel.read(buffer, 0);
        }
        return new ProcText(buffer.array(), buffer.position());
    }
}
