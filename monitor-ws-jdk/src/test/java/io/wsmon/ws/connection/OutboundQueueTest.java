package io.wsmon.ws.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    private static final long SECOND = 1_000_000_000L;

    private final OutboundQueue queue = new OutboundQueue(new StagingBuffers(1));
    private final Sink sink = new Sink();

    @Test
    void writeTo_repliesThenData_goOutInOrder() throws Exception {
        queue.addReply(frame("r1"), 0);
        queue.offerData(frame("d1"), 0);
        queue.addReply(frame("r2"), 0);

        queue.writeTo(sink, 0);

        assertThat(sink.text()).isEqualTo("r1r2d1");
        assertThat(queue.hasPending()).isFalse();
    }

    @Test
    void offerData_unstartedDataFrame_isReplacedByTheNewest() throws Exception {
        queue.offerData(frame("d1"), 0);
        queue.offerData(frame("d2"), 0);
        queue.offerData(frame("d3"), 0);

        queue.writeTo(sink, 0);

        assertThat(sink.text()).isEqualTo("d3");
        assertThat(queue.conflated()).isEqualTo(2);
    }

    @Test
    void offerData_partlyWrittenDataFrame_isFinishedBeforeTheNext() throws Exception {
        queue.offerData(frame("AAAA"), 0);
        sink.budget = 2;
        queue.writeTo(sink, 0);

        queue.offerData(frame("BBBB"), 0);
        queue.offerData(frame("CCCC"), 0);
        sink.budget = Integer.MAX_VALUE;
        queue.writeTo(sink, 0);

        assertThat(sink.text()).isEqualTo("AAAACCCC");
    }

    @Test
    void addReply_partlyWrittenReply_isFinishedBeforeLaterReplies() throws Exception {
        queue.addReply(frame("one"), 0);
        queue.addReply(frame("two"), 0);
        sink.budget = 4;
        queue.writeTo(sink, 0);

        queue.addReply(frame("three"), 0);
        sink.budget = Integer.MAX_VALUE;
        queue.writeTo(sink, 0);

        assertThat(sink.text()).isEqualTo("onetwothree");
        assertThat(queue.replyBytes()).isZero();
    }

    @Test
    void writeTo_manyReplies_areAllWrittenInOrder() throws Exception {
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            queue.addReply(frame("r" + i + ","), 0);
            expected.append("r").append(i).append(',');
        }
        queue.offerData(frame("data"), 0);

        queue.writeTo(sink, 0);

        assertThat(sink.text()).isEqualTo(expected + "data");
    }

    @Test
    void sharedFrame_writtenForTwoClients_isNotConsumedForEither() throws Exception {
        ByteBuffer shared = frame("shared").asReadOnlyBuffer();
        OutboundQueue other = new OutboundQueue(new StagingBuffers(1));
        Sink otherSink = new Sink();

        queue.offerData(shared, 0);
        other.offerData(shared, 0);
        queue.writeTo(sink, 0);
        other.writeTo(otherSink, 0);

        assertThat(sink.text()).isEqualTo("shared");
        assertThat(otherSink.text()).isEqualTo("shared");
        assertThat(shared.position()).isZero();
    }

    @Test
    void isStalled_pendingWithNoProgressForTheTimeout_isTrue() throws Exception {
        sink.budget = 0;
        queue.offerData(frame("data"), 10 * SECOND);
        queue.writeTo(sink, 10 * SECOND);

        assertThat(queue.isStalled(10 * SECOND + SECOND - 1, SECOND)).isFalse();
        assertThat(queue.isStalled(11 * SECOND, SECOND)).isTrue();
    }

    @Test
    void isStalled_byteAcceptedWithinTheTimeout_resetsTheClock() throws Exception {
        sink.budget = 1;
        queue.offerData(frame("data"), 0);
        queue.writeTo(sink, SECOND / 2);

        assertThat(queue.isStalled(SECOND, SECOND)).isFalse();
        assertThat(queue.isStalled(SECOND + SECOND / 2, SECOND)).isTrue();
    }

    @Test
    void isStalled_nothingPending_isFalseHoweverLong() throws Exception {
        queue.addReply(frame("x"), 0);
        queue.writeTo(sink, 0);

        assertThat(queue.isStalled(100 * SECOND, SECOND)).isFalse();
    }

    @Test
    void dropData_afterOffer_leavesRepliesOnly() throws Exception {
        queue.addReply(frame("reply"), 0);
        queue.offerData(frame("data"), 0);

        queue.dropData();
        queue.writeTo(sink, 0);

        assertThat(sink.text()).isEqualTo("reply");
    }

    @Test
    void pingFlood_pongsWhileTheSocketIsFull_onlyTheLatestIsKept() throws Exception {
        sink.budget = 0;
        for (int i = 0; i < 1000; i++) {
            queue.offerPong(frame("p" + i), 0);
        }

        assertThat(queue.replyBytes()).isEqualTo(4 + OutboundQueue.FRAME_OVERHEAD_BYTES);
        sink.budget = Integer.MAX_VALUE;
        queue.writeTo(sink, 0);
        assertThat(sink.text()).isEqualTo("p999");
        assertThat(queue.replyBytes()).isZero();
    }

    @Test
    void pingFlood_replyCost_isTheHeapAFrameHoldsNotItsBytes() {
        for (int i = 0; i < 10; i++) {
            queue.addReply(frame("ab"), 0);
        }

        assertThat(queue.replyBytes()).isEqualTo(10L * (2 + OutboundQueue.FRAME_OVERHEAD_BYTES));
    }

    @Test
    void slowReader_replyPendingPastTheSendTimeout_isStalledThoughTheSocketTakesALittle() throws Exception {
        queue.addReply(ByteBuffer.wrap(new byte[100_000]), 0);
        for (long t = 0; t < 2 * SECOND; t += SECOND / 10) {
            sink.budget = 10;
            queue.writeTo(sink, t);
            assertThat(queue.isStalled(t, SECOND)).as("at %d ms", t / 1_000_000).isEqualTo(t >= SECOND);
        }
    }

    @Test
    void slowReader_heapReplyOnASlowSocket_goesOutOfANativeBufferAndIsNotCopiedAgainPerWrite() throws Exception {
        byte[] reply = new byte[1_000_000];
        java.util.Arrays.fill(reply, (byte) 'r');
        queue.addReply(ByteBuffer.wrap(reply).asReadOnlyBuffer(), 0);
        CopyCounter counter = new CopyCounter(sink);
        for (int i = 0; i < 10_000 && queue.hasPending(); i++) {
            sink.budget = 4096;
            queue.writeTo(counter, 0);
        }

        assertThat(queue.hasPending()).isFalse();
        assertThat(sink.text()).hasSize(reply.length);
        assertThat(counter.heapBuffers).as("writes handed a heap buffer, which the JDK would copy whole").isZero();
    }

    @Test
    void writeTo_pongGoesBeforeQueuedReplies() throws Exception {
        queue.addReply(frame("r1"), 0);
        queue.offerPong(frame("P"), 0);

        queue.writeTo(sink, 0);

        assertThat(sink.text()).isEqualTo("Pr1");
    }

    private static ByteBuffer frame(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Passes writes on, counting the writes given a heap buffer. */
    private static final class CopyCounter implements java.nio.channels.WritableByteChannel {
        private final Sink sink;
        private int heapBuffers;

        CopyCounter(Sink sink) {
            this.sink = sink;
        }

        @Override
        public int write(ByteBuffer src) {
            heapBuffers += src.isDirect() ? 0 : 1;
            return sink.write(src);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    /** A channel that accepts at most {@code budget} bytes, in total, until the budget is raised. */
    private static final class Sink implements GatheringByteChannel {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private int budget = Integer.MAX_VALUE;

        String text() {
            return received.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            long total = 0;
            for (int i = offset; i < offset + length && budget > 0; i++) {
                total += write(srcs[i]);
            }
            return total;
        }

        @Override
        public long write(ByteBuffer[] srcs) {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public int write(ByteBuffer src) {
            int n = Math.min(budget, src.remaining());
            for (int i = 0; i < n; i++) {
                received.write(src.get());
            }
            budget -= n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }
}
