package io.wsmon.core.collect.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@code /proc} file kept open and read whole on demand into a buffer it reuses, so each caller
 * (one monitor) must parse a reading before asking for the next. Closed with the JVM: the handful of
 * descriptors live as long as the service's monitors.
 */
final class ProcFile {

    private static final int INITIAL_CAPACITY = 8192;

    private final Path path;
    private FileChannel channel;
    private ByteBuffer buffer = ByteBuffer.allocate(INITIAL_CAPACITY);

    ProcFile(Path path) {
        this.path = path;
    }

    /**
     * @param path a file that may be missing, such as a cgroup controller's file
     * @return the file, or {@code null} when it does not exist now
     */
    static ProcFile ifExists(Path path) {
        return path != null && java.nio.file.Files.exists(path) ? new ProcFile(path) : null;
    }

    /**
     * Reads the whole file.
     *
     * @return its content, for one parser to read before the next call
     * @throws IOException when the file cannot be read
     */
    synchronized ProcText read() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        }
        buffer = readWhole(channel, buffer);
        return new ProcText(buffer.array(), buffer.position());
    }

    /**
     * Reads a file from offset 0 to its end into {@code buffer}, growing it when needed.
     *
     * @return the buffer holding the content (a bigger one when it grew), positioned after the last byte
     */
    static ByteBuffer readWhole(FileChannel channel, ByteBuffer buffer) throws IOException {
        buffer.clear();
        long position = 0;
        int n;
        while ((n = channel.read(buffer, position)) > 0) {
            position += n;
            if (!buffer.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2);
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }
        return buffer;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
