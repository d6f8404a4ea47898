package io.wsmon.ws.connection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;

/**
 * What one client still has to receive: a queue of replies that are never dropped, one slot for the
 * latest pong (RFC 6455 §5.5.3 lets an endpoint answer only the most recent ping), and one slot for the
 * latest data frame, which a newer one replaces while it has not started to go out (conflation). A frame
 * that has started is always finished first, so frames never interleave.
 *
 * <p>Frames are shared read-only buffers; each client holds its own view ({@link ByteBuffer#slice()}),
 * never a copy. Frames in native memory (the shared data frames) are written straight from it; frames on
 * the Java heap (replies) are copied once, piece by piece, into a {@link StagingBuffers staging buffer}
 * that is written incrementally, so a slow socket never makes the same bytes be copied twice.
 *
 * <p>What a client costs is tracked as the heap its pending replies and pong hold, frame bytes plus a
 * fixed overhead per frame ({@link #replyBytes()}), so that the connection can stop reading commands of a
 * client that does not read its replies. For the send timeout it tracks the last time the socket
 * accepted a byte and when the oldest reply not yet written was queued ({@link #isStalled}).
 *
 * <p>Confined to the event loop thread.
 */
public final class OutboundQueue {

    /** Heap held by one queued frame besides its bytes: the buffer views, the array header, the queue entry. */
    static final int FRAME_OVERHEAD_BYTES = 160;

    private static final long NOT_A_REPLY = -1;

    private final StagingBuffers stagingBuffers;
    private final ArrayDeque<Reply> replies = new ArrayDeque<>(4);
    private ByteBuffer pong;
    private long pongSince;
    private ByteBuffer data;
    private ByteBuffer current;
    private long currentQueuedAt = NOT_A_REPLY;
    private long currentCost;
    private ByteBuffer staging;
    private long stagedSince = NOT_A_REPLY;
    private long replyBytes;
    private long lastProgressNanos;
    private long conflated;

    /**
     * @param stagingBuffers where staging buffers for heap frames are borrowed
     */
    public OutboundQueue(StagingBuffers stagingBuffers) {
        this.stagingBuffers = stagingBuffers;
    }

    /**
     * Queues a frame that must be delivered: a reply, a control frame.
     *
     * @param frame the frame between position and limit; the queue takes its own view
     * @param nowNanos the current monotonic time
     */
    public void addReply(ByteBuffer frame, long nowNanos) {
        markPendingFrom(nowNanos);
        ByteBuffer view = frame.slice();
        long cost = costOf(view);
        replyBytes += cost;
        replies.add(new Reply(view, nowNanos, cost));
    }

    /**
     * Queues a pong; it replaces a pong that has not started to go out, keeping that one's queue time.
     *
     * @param frame the pong frame; the queue takes its own view
     * @param nowNanos the current monotonic time
     */
    public void offerPong(ByteBuffer frame, long nowNanos) {
        markPendingFrom(nowNanos);
        if (pong == null) {
            pongSince = nowNanos;
        } else {
            replyBytes -= costOf(pong);
        }
        pong = frame.slice();
        replyBytes += costOf(pong);
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
     * Writes as much as the channel accepts, in order: the frame in progress, the pong, the replies, the
     * data frame. Returns when everything is written or the channel takes no more.
     *
     * @param channel the socket
     * @param nowNanos the current monotonic time
     * @return the number of bytes written
     * @throws IOException when the socket fails
     */
    public long writeTo(WritableByteChannel channel, long nowNanos) throws IOException {
        return writeTo(channel, nowNanos, Long.MAX_VALUE);
    }

    /**
     * Writes as {@link #writeTo(WritableByteChannel, long)} does, stopping once {@code quota} bytes are
     * written, so that one client's large replies cannot hold the event loop from the others.
     *
     * @param channel the socket
     * @param nowNanos the current monotonic time
     * @param quota stop after writing at least this many bytes
     * @return the number of bytes written
     * @throws IOException when the socket fails
     */
    public long writeTo(WritableByteChannel channel, long nowNanos, long quota) throws IOException {
        long total = 0;
        while (total < quota) {
            if (staging != null && staging.hasRemaining()) {
                total += write(channel, staging, nowNanos);
                if (staging.hasRemaining()) {
                    return total;
                }
                stagedSince = NOT_A_REPLY;
            }
            if (current == null && !takeNext(false)) {
                releaseStaging();
                return total;
            }
            if (current.isDirect()) {
                releaseStaging();
                total += write(channel, current, nowNanos);
                if (current.hasRemaining()) {
                    return total;
                }
                finishCurrent();
            } else {
                stage();
            }
        }
        return total;
    }

    /**
     * Whether anything waits to be written.
     *
     * @return true when a frame is pending
     */
    public boolean hasPending() {
        return current != null || (staging != null && staging.hasRemaining()) || pong != null
                || !replies.isEmpty() || data != null;
    }

    /**
     * Heap held by the replies and the pong not yet handed to the socket, frame bytes plus a fixed overhead
     * per frame; the connection stops reading commands while this is large.
     *
     * @return the byte count
     */
    public long replyBytes() {
        return replyBytes;
    }

    /**
     * Whether the client is to be dropped for the send timeout: frames have been pending with no byte
     * accepted by the socket for the timeout, or a reply (or pong) queued longer ago than the timeout is
     * still not written, however little the client reads.
     *
     * @param nowNanos the current monotonic time
     * @param sendTimeoutNanos the send timeout
     * @return true when the client should be dropped
     */
    public boolean isStalled(long nowNanos, long sendTimeoutNanos) {
        if (!hasPending()) {
            return false;
        }
        if (nowNanos - lastProgressNanos >= sendTimeoutNanos) {
            return true;
        }
        long oldest = oldestReplyQueuedAt();
        return oldest != NOT_A_REPLY && nowNanos - oldest >= sendTimeoutNanos;
    }

    /**
     * How many data frames were replaced by a newer one before they went out.
     *
     * @return the count since the connection opened
     */
    public long conflated() {
        return conflated;
    }

    /** Gives back the staging buffer, when the connection is closed. */
    public void release() {
        releaseStaging();
        current = null;
    }

    private long oldestReplyQueuedAt() {
        long oldest = stagedSince != NOT_A_REPLY ? stagedSince
                : currentQueuedAt != NOT_A_REPLY ? currentQueuedAt
                : replies.isEmpty() ? NOT_A_REPLY : replies.peek().queuedAt();
        if (pong != null && (oldest == NOT_A_REPLY || pongSince - oldest < 0)) {
            oldest = pongSince;
        }
        return oldest;
    }

    private long write(WritableByteChannel channel, ByteBuffer buffer, long nowNanos) throws IOException {
        int written = channel.write(buffer);
        if (written > 0) {
            lastProgressNanos = nowNanos;
        }
        return written;
    }

    /**
     * Copies the current heap frame, and the heap frames after it, into the staging buffer until it is
     * full; a native frame is left for after the staging buffer is drained.
     */
    private void stage() {
        if (staging == null) {
            staging = stagingBuffers.borrow();
        } else {
            staging.clear();
        }
        while (current != null && staging.hasRemaining()) {
            int count = Math.min(staging.remaining(), current.remaining());
            int limit = current.limit();
            current.limit(current.position() + count);
            staging.put(current);
            current.limit(limit);
            if (stagedSince == NOT_A_REPLY) {
                stagedSince = currentQueuedAt;
            }
            if (!current.hasRemaining()) {
                finishCurrent();
                takeNext(true);
            }
        }
        staging.flip();
    }

    /**
     * Makes the next frame current: the pong, else the oldest reply, else the data frame.
     *
     * @param heapOnly take it only if it is on the heap
     * @return whether there was one
     */
    private boolean takeNext(boolean heapOnly) {
        if (pong != null && !(heapOnly && pong.isDirect())) {
            start(pong, pongSince, costOf(pong));
            pong = null;
        } else if (pong == null && !replies.isEmpty() && !(heapOnly && replies.peek().frame().isDirect())) {
            Reply reply = replies.poll();
            start(reply.frame(), reply.queuedAt(), reply.cost());
        } else if (pong == null && replies.isEmpty() && data != null && !(heapOnly && data.isDirect())) {
            start(data, NOT_A_REPLY, 0);
            data = null;
        } else {
            return false;
        }
        return true;
    }

    private void start(ByteBuffer frame, long queuedAt, long cost) {
        current = frame;
        currentQueuedAt = queuedAt;
        currentCost = cost;
    }

    private void finishCurrent() {
        replyBytes -= currentCost;
        current = null;
        currentQueuedAt = NOT_A_REPLY;
        currentCost = 0;
    }

    private void releaseStaging() {
        if (staging != null) {
            stagingBuffers.giveBack(staging);
            staging = null;
            stagedSince = NOT_A_REPLY;
        }
    }

    private void markPendingFrom(long nowNanos) {
        if (!hasPending()) {
            lastProgressNanos = nowNanos;
        }
    }

    private static long costOf(ByteBuffer frame) {
        return frame.capacity() + (long) FRAME_OVERHEAD_BYTES;
    }

    /** A reply waiting to start, with when it was queued and what it holds. */
    private record Reply(ByteBuffer frame, long queuedAt, long cost) {}
}
