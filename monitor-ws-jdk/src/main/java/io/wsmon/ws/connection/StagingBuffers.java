package io.wsmon.ws.connection;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Native buffers through which frames held on the Java heap go out. A socket write of a heap buffer
 * makes the JDK copy all its remaining bytes into a temporary native buffer, every time: retried on a
 * slow socket, a 4 MiB reply would be copied again and again. Instead a connection copies heap bytes once
 * into a staging buffer borrowed from here and writes that one incrementally; it gives the buffer back as
 * soon as it is drained, so an idle or keeping-up client holds none.
 *
 * <p>The TLS layer borrows its record buffers from a pool of its own, sized for one TLS record.
 *
 * <p>Keeps up to {@code retained} free buffers for reuse. Confined to the event loop thread.
 */
public final class StagingBuffers {

    /** The size of one staging buffer: large enough for one loopback write, small enough to hold per slow client. */
    public static final int BUFFER_BYTES = 32 * 1024;

    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    private final int retained;
    private final int bufferBytes;

    /**
     * Buffers of {@link #BUFFER_BYTES}.
     *
     * @param retained how many free buffers to keep for reuse
     */
    public StagingBuffers(int retained) {
        this(retained, BUFFER_BYTES);
    }

    /**
     * @param retained how many free buffers to keep for reuse
     * @param bufferBytes the size of each buffer
     */
    public StagingBuffers(int retained, int bufferBytes) {
        if (retained < 0) {
            throw new IllegalArgumentException("retained must not be negative, got " + retained);
        }
        if (bufferBytes < 1) {
            throw new IllegalArgumentException("bufferBytes must be positive, got " + bufferBytes);
        }
        this.retained = retained;
        this.bufferBytes = bufferBytes;
    }

    /**
     * An empty buffer, ready to be filled.
     *
     * @return a native buffer of the pool's size
     */
    public ByteBuffer borrow() {
        ByteBuffer buffer = free.poll();
        return buffer != null ? buffer.clear() : ByteBuffer.allocateDirect(bufferBytes);
    }

    /**
     * Takes a buffer back.
     *
     * @param buffer a buffer from {@link #borrow()} that its borrower no longer uses
     */
    public void giveBack(ByteBuffer buffer) {
        if (free.size() < retained) {
            free.push(buffer);
        }
    }
}
