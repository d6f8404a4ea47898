package io.wsmon.ws.connection;

import java.nio.ByteBuffer;

/**
 * The bytes of one connection that arrived but are not consumed yet: the start of a frame or request head
 * whose end has not come. Usually there are none, and freshly read bytes are parsed straight from the
 * loop's shared read buffer. When some must be kept, they go into a private buffer that grows by
 * doubling and is compacted only when that frees at least as much room as it moves, so a message that
 * arrives a byte at a time costs linear time, not a copy of everything so far per byte.
 *
 * <p>Confined to the event loop thread.
 */
final class InboundBuffer {

    private static final int MIN_CAPACITY = 1024;

    private ByteBuffer kept;

    /**
     * The bytes to parse: the kept ones followed by the fresh ones.
     *
     * @param fresh newly read bytes, positioned for reading; used as is when nothing is kept
     * @return a buffer positioned for reading
     */
    ByteBuffer append(ByteBuffer fresh) {
        if (kept == null) {
            return fresh;
        }
        int incoming = fresh.remaining();
        if (kept.capacity() - kept.limit() < incoming) {
            int needed = kept.remaining() + incoming;
            if (needed <= kept.capacity() / 2) {
                kept.compact().flip();
            } else {
                ByteBuffer grown = ByteBuffer.allocate(Math.max(MIN_CAPACITY, needed * 2));
                kept = grown.put(kept).flip();
            }
        }
        int position = kept.position();
        int limit = kept.limit();
        kept.limit(limit + incoming).position(limit);
        kept.put(fresh);
        kept.position(position);
        return kept;
    }

    /**
     * Keeps what the parsers left of the buffer {@link #append} returned.
     *
     * @param parsed that buffer, its position after the consumed bytes
     */
    void retain(ByteBuffer parsed) {
        if (!parsed.hasRemaining()) {
            kept = null;
        } else if (parsed != kept) {
            ByteBuffer copy = ByteBuffer.allocate(Math.max(MIN_CAPACITY, parsed.remaining() * 2));
            kept = copy.put(parsed).flip();
        }
    }

    /** Forgets the kept bytes. */
    void clear() {
        kept = null;
    }
}
