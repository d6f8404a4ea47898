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
     * Reads the whole file.
     *
     * @return its content, for one parser to read before the next call
     * @throws IOException when the file cannot be read
     */
    synchronized ProcText read() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        }
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
        return new ProcText(buffer.array(), buffer.position());
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
