package io.wsmon.ws.connection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * What one client still has to receive: a queue of replies that are never dropped, and one slot for
 * the latest data frame, which a newer one replaces while it has not started to go out (conflation).
 * A frame that has started is always finished first, so frames never interleave.
 *
 * <p>Frames are shared read-only buffers; each client holds its own view ({@link ByteBuffer#slice()}),
 * never a copy of the bytes. Memory per client is bounded by the replies it has asked for plus one data
 * frame.
 *
 * <p>It also tracks progress for the send timeout: the last time a byte was accepted by the socket, or
 * the time the queue went from empty to pending.
 *
 * <p>Confined to the event loop thread.
 */
public final class OutboundQueue {

    /** At most this many buffers go into one gathering write. */
    private static final int MAX_GATHER = 16;

    private final ArrayDeque<ByteBuffer> replies = new ArrayDeque<>(4);
    private final ByteBuffer[] gather = new ByteBuffer[MAX_GATHER];
    private ByteBuffer head;
    private ByteBuffer data;
    private long replyBytes;
    private long lastProgressNanos;
    private long conflated;

    /**
     * Queues a frame that must be delivered: a reply, a control frame.
     *
     * @param frame the frame between position and limit; the queue takes its own view
     * @param nowNanos the current monotonic time
     */
    public void addReply(ByteBuffer frame, long nowNanos) {
        markPendingFrom(nowNanos);
        ByteBuffer view = frame.slice();
        replyBytes += view.remaining();
        replies.add(view);
    }

    /**
     * Offers the latest data frame; it replaces a data frame that has not started to go out.
     *
     * @param frame the shared frame; the queue takes its own view
     * @param nowNanos the current monotonic time
     */
    public void offerData(ByteBuffer frame, long nowNanos) {
        markPendingFrom(nowNanos);
        if (data != null) {
            conflated++;
        }
        data = frame.slice();
    }

    /** Drops the data frame that has not started, for example after an unsubscribe or before a close. */
    public void dropData() {
        data = null;
    }

    /**
     * Writes as much as the channel accepts, in order: the frame in progress, the replies, the data frame.
     *
     * @param channel the socket
     * @param nowNanos the current monotonic time
     * @return the number of bytes written
     * @throws IOException when the socket fails
     */
    public long writeTo(GatheringByteChannel channel, long nowNanos) throws IOException {
        long total = 0;
        while (hasPending()) {
            int count = fillGather();
            long written = count == 1 ? channel.write(gather[0]) : channel.write(gather, 0, count);
            Arrays.fill(gather, 0, count, null);
            if (written <= 0) {
                break;
            }
            total += written;
            lastProgressNanos = nowNanos;
            retireWritten();
        }
        return total;
    }

    /**
     * Whether anything waits to be written.
     *
     * @return true when a frame is pending
     */
    public boolean hasPending() {
        return head != null || !replies.isEmpty() || data != null;
    }

    /**
     * Bytes of replies not yet started; the connection stops reading commands while this is large.
     *
     * @return the byte count
     */
    public long replyBytes() {
        return replyBytes;
    }

    /**
     * Whether frames have been pending with no byte accepted by the socket for the send timeout.
     *
     * @param nowNanos the current monotonic time
     * @param sendTimeoutNanos the send timeout
     * @return true when the client should be dropped
     */
    public boolean isStalled(long nowNanos, long sendTimeoutNanos) {
        return hasPending() && nowNanos - lastProgressNanos >= sendTimeoutNanos;
    }

    /**
     * How many data frames were replaced by a newer one before they went out.
     *
     * @return the count since the connection opened
     */
    public long conflated() {
        return conflated;
    }

    private void markPendingFrom(long nowNanos) {
        if (!hasPending()) {
            lastProgressNanos = nowNanos;
        }
    }

    private int fillGather() {
        int count = 0;
        if (head != null) {
            gather[count++] = head;
        }
        for (ByteBuffer reply : replies) {
            if (count == MAX_GATHER) {
                return count;
            }
            gather[count++] = reply;
        }
        if (data != null && count < MAX_GATHER) {
            gather[count++] = data;
        }
        return count;
    }

    /** Removes finished frames; a partly written one becomes the head, which must finish before anything else. */
    private void retireWritten() {
        if (head != null) {
            if (head.hasRemaining()) {
                return;
            }
            head = null;
        }
        while (!replies.isEmpty()) {
            ByteBuffer reply = replies.peek();
            if (reply.position() == 0) {
                return;
            }
            replies.poll();
            replyBytes -= reply.limit();
            if (reply.hasRemaining()) {
                head = reply;
                return;
            }
        }
        if (data != null && data.position() > 0) {
            head = data.hasRemaining() ? data : null;
            data = null;
        }
    }
}
