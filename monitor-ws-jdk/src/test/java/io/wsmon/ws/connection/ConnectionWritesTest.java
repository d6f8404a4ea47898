package io.wsmon.ws.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.http.HttpRequest;
import io.wsmon.api.http.HttpResponse;
import io.wsmon.core.time.Ticker;
import io.wsmon.ws.frame.FrameDecoder;
import io.wsmon.ws.handshake.AccessToken;
import io.wsmon.ws.handshake.Handshake;
import io.wsmon.ws.handshake.HostPolicy;
import io.wsmon.ws.handshake.OriginPolicy;
import io.wsmon.ws.http.HttpRequestParser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the loop writes to a client (issue 13: slow readers made it retry a full socket every turn): only
 * to a socket that took everything last time, or that the selector has since reported writable.
 */
class ConnectionWritesTest {

    private static final String HANDSHAKE = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

    private final SocketStandIn socket = new SocketStandIn();
    private Selector selector;
    private ServerSocketChannel listener;
    private SocketChannel client;
    private SocketChannel accepted;
    private SelectionKey key;
    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        selector = Selector.open();
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = SocketChannel.open(listener.getLocalAddress());
        accepted = listener.accept();
        accepted.configureBlocking(false);
        key = accepted.register(selector, SelectionKey.OP_READ); // only for its interest set: the socket is the stand-in
        Handshake handshake = new Handshake(HostPolicy.of("127.0.0.1", List.of()), OriginPolicy.allowing(List.of()),
                AccessToken.of(Optional.empty()));
        long second = TimeUnit.SECONDS.toNanos(1);
        ConnectionSettings settings = new ConnectionSettings(handshake, new HttpRequestParser(8192), new FrameDecoder(65536),
                65536, 4 << 20, 10 * second, 60 * second, 60 * second, 60 * second, 2 * second, Ticker.system());
        connection = new Connection(1, socket, key, new SilentEndpoint(), settings, new StagingBuffers(4));
        connection.onReadable(ByteBuffer.allocate(16 * 1024));
        assertThat(connection.state()).as("after the handshake").isEqualTo(Connection.State.OPEN);
    }

    @AfterEach
    void close() throws Exception {
        selector.close();
        accepted.close();
        client.close();
        listener.close();
    }

    @Test
    void slowReader_socketThatTookNotEverything_isNotWrittenAgainUntilTheSelectorReportsItWritable() {
        socket.room = 0; // the client stopped reading: its socket buffer is full
        connection.sendText(reply('a'));
        int attempts = socket.writeCalls;

        for (int i = 0; i < 10; i++) {
            connection.sendText(reply('b'));
        }

        assertThat(socket.writeCalls).as("write attempts while the socket was not reported writable").isEqualTo(attempts);
        assertThat(key.interestOps() & SelectionKey.OP_WRITE).as("the loop asks the selector instead").isNotZero();

        socket.room = Long.MAX_VALUE;
        connection.onWritable();

        assertThat(socket.written).as("everything once the socket is writable").isGreaterThanOrEqualTo(11 * 1000);
        assertThat(key.interestOps() & SelectionKey.OP_WRITE).as("nothing left to wait for").isZero();
    }

    @Test
    void socketThatTookEverything_isWrittenAtOnceNextTime() {
        connection.sendText(reply('a'));
        int attempts = socket.writeCalls;

        connection.sendText(reply('b'));

        assertThat(socket.writeCalls).isGreaterThan(attempts);
        assertThat(key.interestOps() & SelectionKey.OP_WRITE).isZero();
    }

    private static byte[] reply(char filler) {
        return ("\"" + String.valueOf(filler).repeat(998) + "\"").getBytes(StandardCharsets.UTF_8);
    }

    /** The accepted socket as the connection sees it: the handshake to read, and room for this many bytes. */
    private static final class SocketStandIn implements Transport {
        private final ByteBuffer input = ByteBuffer.wrap(HANDSHAKE.getBytes(StandardCharsets.US_ASCII));
        private long room = Long.MAX_VALUE;
        private int writeCalls;
        private long written;

        @Override
        public int read(ByteBuffer dst) {
            int n = Math.min(dst.remaining(), input.remaining());
            dst.put(input.slice().limit(n));
            input.position(input.position() + n);
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            writeCalls++;
            int n = (int) Math.min(src.remaining(), room);
            src.position(src.position() + n);
            room -= n;
            written += n;
            return n;
        }

        @Override
        public boolean hasBufferedInput() {
            return false;
        }

        @Override
        public boolean hasPendingOutput() {
            return false;
        }

        @Override
        public void flush() {}

        @Override
        public void shutdownOutput() {}

        @Override
        public SocketAddress remoteAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
        }

        @Override
        public void onInputReady(Runnable callback) {}

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    /** Admits the client with a handler that ignores everything. */
    private static final class SilentEndpoint implements Endpoint {
        @Override
        public HttpResponse serve(HttpRequest request) {
            throw new AssertionError("no plain HTTP request in this test");
        }

        @Override
        public ConnectionHandler admit(Connection connection) {
            return new ConnectionHandler() {
                @Override
                public void onOpen() {}

                @Override
                public void onText(String message) {}

                @Override
                public void onPing() {}

                @Override
                public void onClosed() {}
            };
        }

        @Override
        public void refused(Connection connection, int status, String reason) {}

        @Override
        public void readAgain(Connection connection) {}

        @Override
        public void closed(Connection connection) {}
    }
}
