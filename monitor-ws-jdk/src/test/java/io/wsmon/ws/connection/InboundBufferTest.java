package io.wsmon.ws.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The unconsumed bytes of a connection (issue 13: a 60 KB message sent a byte at a time cost 17 times the
 * CPU of the same message sent whole): the bytes kept are moved a bounded number of times in all, growing
 * by doubling and compacting only when that frees as much room as it moves, not copied anew at each read.
 */
class InboundBufferTest {

    private static final int MESSAGE_BYTES = 60 * 1024;

    @Test
    void quadraticReassembly_60KbArrivingAByteAtATime_movesTheKeptBytesALinearNumberOfTimes() {
        Moves moves = new Moves();

        for (int i = 0; i < MESSAGE_BYTES; i++) {
            ByteBuffer parsed = moves.append(new byte[] {(byte) i});
            assertThat(parsed.remaining()).as("bytes kept after byte %d", i).isEqualTo(i + 1);
            moves.retain(parsed); // the frame's end has not come: nothing consumed
        }

        assertThat(moves.bytesMoved).as("bytes moved for %d received", MESSAGE_BYTES).isLessThanOrEqualTo(2L * MESSAGE_BYTES);
        ByteBuffer kept = moves.last;
        for (int i = 0; i < MESSAGE_BYTES; i++) {
            assertThat(kept.get(kept.position() + i)).as("byte %d", i).isEqualTo((byte) i);
        }
    }

    @Test
    void quadraticReassembly_consumedWhileItArrives_movesTheKeptBytesALinearNumberOfTimes() {
        Moves moves = new Moves();

        for (int i = 0; i < MESSAGE_BYTES; i++) {
            ByteBuffer parsed = moves.append(new byte[] {(byte) i, (byte) (i + 1)});
            parsed.get(); // a parser that consumes one byte of every two: what is kept grows by one each time
            moves.retain(parsed);
        }

        assertThat(moves.bytesMoved).as("bytes moved for %d received", 2 * MESSAGE_BYTES)
                .isLessThanOrEqualTo(4L * 2 * MESSAGE_BYTES);
    }

    /**
     * An {@link InboundBuffer} watched from outside: a kept byte was moved when the buffer handed back is
     * another one, or the same one with its bytes further to the front (compacted).
     */
    private static final class Moves {
        private final InboundBuffer inbound = new InboundBuffer();
        private ByteBuffer last;
        private int lastPosition;
        private long bytesMoved;

        ByteBuffer append(byte[] fresh) {
            ByteBuffer parsed = inbound.append(ByteBuffer.wrap(fresh));
            int kept = parsed.remaining() - fresh.length;
            if (last != null && (parsed != last || parsed.position() < lastPosition)) {
                bytesMoved += kept;
            }
            return parsed;
        }

        void retain(ByteBuffer parsed) {
            inbound.retain(parsed);
            ByteBuffer kept = inbound.append(ByteBuffer.allocate(0));
            if (kept != parsed) {
                bytesMoved += kept.remaining();
            }
            last = kept;
            lastPosition = kept.position();
        }
    }
}
