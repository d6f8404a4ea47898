package io.wsmon.ws.server;

import static io.wsmon.ws.testkit.ClientFrames.frame;
import static io.wsmon.ws.testkit.ClientFrames.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.core.time.ManualClock;
import io.wsmon.ws.testkit.ClientFrames;
import io.wsmon.ws.testkit.RawClient;
import io.wsmon.ws.testkit.ServerFrame;
import io.wsmon.ws.testkit.TestFeed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 6455 framing rules enforced on a live connection, with a raw-socket client. The server's timers run on a
 * {@link ManualClock}: keepalive pings go out only when a test moves the clock.
 */
class FramingOverSocketTest {

    private static final Duration PING_INTERVAL = Duration.ofMillis(300);
    private static final Duration PING_TIMEOUT = Duration.ofMillis(300);

    private final TestFeed feed = new TestFeed();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-03T09:15:30Z"), ZoneOffset.UTC);
    private WebSocketServer server;

    @BeforeEach
    void start() throws Exception {
        server = WebSocketServer.builder(feed.feed()).host("127.0.0.1").port(0).maxMessageBytes(1024).ticker(clock)
                .pingInterval(PING_INTERVAL).pingTimeout(PING_TIMEOUT).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void ping_isAnsweredWithPongCarryingThePayload() throws Exception {
        try (RawClient client = RawClient.open(server.port())) {
            client.write(frame(true, 0x9, "abc".getBytes(StandardCharsets.UTF_8)));

            ServerFrame pong = client.readUntil(f -> f.opcode() == ServerFrame.PONG);

            assertThat(pong.text()).isEqualTo("abc");
        }
    }

    @Test
    void fragmentedCommandWithInterleavedPing_isJoinedAndAnswered() throws Exception {
        try (RawClient client = RawClient.open(server.port())) {
            byte[] command = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
            client.write(ClientFrames.concat(
                    frame(false, 0x1, Arrays.copyOfRange(command, 0, 5)),
                    frame(true, 0x9, new byte[] {7}),
                    frame(false, 0x0, Arrays.copyOfRange(command, 5, 10)),
                    frame(true, 0x0, Arrays.copyOfRange(command, 10, command.length))));

            ServerFrame pong = client.readUntil(f -> f.opcode() == ServerFrame.PONG);
            ServerFrame reply = client.readUntil(f -> f.opcode() == ServerFrame.TEXT && f.text().contains("pong"));

            assertThat(pong.payload()).containsExactly(7);
            assertThat(reply.text()).startsWith("{\"type\":\"pong\"");
        }
    }

    @Test
    void commandSplitAcrossTcpWrites_isStillUnderstood() throws Exception {
        try (RawClient client = RawClient.open(server.port())) {
            byte[] bytes = ClientFrames.text("{\"type\":\"ping\"}");
            for (byte b : bytes) {
                client.write(new byte[] {b});
            }

            assertThat(client.readUntil(f -> f.opcode() == ServerFrame.TEXT && f.text().contains("pong"))).isNotNull();
        }
    }

    @Test
    void close_fromClient_isEchoedWithTheSameCode() throws Exception {
        try (RawClient client = RawClient.open(server.port())) {
            client.write(ClientFrames.close(4000, "bye"));

            ServerFrame close = client.awaitClose();

            assertThat(close.closeCode()).isEqualTo(4000);
        }
    }

    @Test
    void close_withoutCode_isEchoedEmpty() throws Exception {
        try (RawClient client = RawClient.open(server.port())) {
            client.write(frame(true, 0x8, new byte[0]));

            assertThat(client.awaitClose().payload()).isEmpty();
        }
    }

    @Test
    void unmaskedFrame_closes1002() throws Exception {
        assertClosedWith(raw(0x81, false, "{}".getBytes(StandardCharsets.UTF_8)), 1002, "not masked");
    }

    @Test
    void reservedBits_close1002() throws Exception {
        assertClosedWith(raw(0xC1, true, "{}".getBytes(StandardCharsets.UTF_8)), 1002, "Reserved bits");
    }

    @Test
    void unknownOpcode_closes1002() throws Exception {
        assertClosedWith(raw(0x83, true, new byte[0]), 1002, "Reserved opcode 0x3");
    }

    @Test
    void continuationWithoutStart_closes1002() throws Exception {
        assertClosedWith(frame(true, 0x0, new byte[] {'x'}), 1002, "Continuation");
    }

    @Test
    void invalidCloseCode_closes1002() throws Exception {
        assertClosedWith(ClientFrames.close(1005, ""), 1002, "Invalid close code 1005");
    }

    @Test
    void invalidUtf8AcrossFragments_closes1007() throws Exception {
        assertClosedWith(ClientFrames.concat(
                frame(false, 0x1, new byte[] {'{', (byte) 0xED}),
                frame(true, 0x0, new byte[] {(byte) 0xA0, (byte) 0x80, '}'})), 1007, "UTF-8");
    }

    @Test
    void messageOverTheLimit_closes1009() throws Exception {
        assertClosedWith(ClientFrames.concat(
                frame(false, 0x1, new byte[600]),
                frame(true, 0x0, new byte[600])), 1009, "limit of 1024 bytes");
    }

    @Test
    void frameOverTheLimit_closes1009BeforeThePayloadIsSent() throws Exception {
        byte[] header = Arrays.copyOf(frame(true, 0x1, new byte[5000]), 8);
        assertClosedWith(header, 1009, "5000 bytes");
    }

    @Test
    void binaryMessage_closes1003() throws Exception {
        assertClosedWith(frame(true, 0x2, new byte[] {1, 2}), 1003, "Binary");
    }

    @Test
    void badFrame_fromOneClient_isNotNoticedByAnother() throws Exception {
        try (RawClient good = RawClient.open(server.port()); RawClient bad = RawClient.open(server.port())) {
            bad.write(raw(0x81, false, new byte[0]));
            assertThat(bad.awaitClose().closeCode()).isEqualTo(1002);

            long seq = feed.publish().seq();

            assertThat(good.readUntil(f -> f.text().contains("\"seq\":" + seq))).isNotNull();
        }
    }

    @Test
    void idleClient_isPingedAndClosedWhenSilent() throws Exception {
        try (RawClient client = RawClient.open(server.port())) {
            clock.advance(PING_INTERVAL);
            ServerFrame ping = client.readUntil(f -> f.opcode() == ServerFrame.PING);

            clock.advance(PING_TIMEOUT);
            ServerFrame close = client.awaitClose();

            assertThat(ping.payload()).isEmpty();
            assertThat(close.closeCode()).isEqualTo(1011);
            assertThat(close.closeReason()).isEqualTo("Keepalive ping timeout");
        }
    }

    @Test
    void idleClient_answeringPings_staysConnected() throws Exception {
        try (RawClient client = RawClient.open(server.port())) {
            for (int i = 0; i < 3; i++) {
                clock.advance(PING_INTERVAL);
                ServerFrame ping = client.readUntil(f -> f.opcode() == ServerFrame.PING);
                client.write(frame(true, 0xA, ping.payload()));
                // The answer to a command proves the server has read the pong before the clock moves on.
                client.write(ClientFrames.text("{\"type\":\"ping\"}"));
                client.readUntil(f -> f.opcode() == ServerFrame.TEXT && f.text().contains("pong"));
            }
            clock.advance(PING_TIMEOUT);
            client.write(ClientFrames.text("{\"type\":\"ping\"}"));

            assertThat(client.readUntil(f -> f.opcode() == ServerFrame.TEXT && f.text().contains("pong"))).isNotNull();
        }
    }

    private void assertClosedWith(byte[] bytes, int code, String reason) throws Exception {
        try (RawClient client = RawClient.open(server.port())) {
            client.write(bytes);

            ServerFrame close = client.awaitClose();

            assertThat(close.closeCode()).isEqualTo(code);
            assertThat(close.closeReason()).contains(reason);
            assertThat(ByteBuffer.wrap(close.payload()).remaining()).isLessThanOrEqualTo(125);
        }
    }
}
