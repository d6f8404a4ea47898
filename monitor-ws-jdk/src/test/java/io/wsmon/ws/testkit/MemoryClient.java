package io.wsmon.ws.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsmon.ws.connection.ClientConnection;
import io.wsmon.ws.connection.ConnectionHandler;
import io.wsmon.ws.protocol.MonitoringProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;

/**
 * A protocol client without a socket: what the protocol sends lands in a queue the test reads, in
 * order, and what the test sends reaches the protocol at once, on the calling thread. While
 * {@link #stall(boolean) stalled} it keeps only the newest data frame, as a connection whose socket is
 * full does; replies are never dropped.
 */
public final class MemoryClient implements ClientConnection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long id;
    private final Deque<Entry> received = new ArrayDeque<>();
    private ConnectionHandler handler;
    private boolean stalled;
    private int closeCode = -1;

    private record Entry(JsonNode message, boolean data) {}

    private MemoryClient(long id) {
        this.id = id;
    }

    /**
     * Connects a client: it is admitted and welcomed.
     *
     * @param protocol the protocol
     * @param id the client's id
     * @return the client, or one refused at capacity (closed with 1008)
     */
    public static MemoryClient connect(MonitoringProtocol protocol, long id) {
        MemoryClient client = new MemoryClient(id);
        client.handler = protocol.admit(client);
        if (client.handler == null) {
            client.closeCode = 1008;
        } else {
            client.handler.onOpen();
        }
        return client;
    }

    /**
     * Sends a command.
     *
     * @param text the message
     */
    public void send(String text) {
        handler.onText(text);
    }

    /** Sends a ping frame (its pong is the connection's business, not the protocol's). */
    public void ping() {
        handler.onPing();
    }

    /**
     * Takes the next message.
     *
     * @return it
     * @throws AssertionError when none is waiting
     */
    public JsonNode next() {
        Entry entry = received.pollFirst();
        if (entry == null) {
            throw new AssertionError("no message waiting");
        }
        return entry.message();
    }

    /**
     * Takes messages until one of a type.
     *
     * @param type the {@code type}
     * @return it
     */
    public JsonNode next(String type) {
        return nextMatching(message -> message.path("type").asText().equals(type));
    }

    /**
     * Takes messages until one matches.
     *
     * @param wanted the match
     * @return it
     */
    public JsonNode nextMatching(Predicate<JsonNode> wanted) {
        while (true) {
            JsonNode message = next();
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    /** @return how many messages are waiting */
    public int pending() {
        return received.size();
    }

    /**
     * Stops or resumes reading, as a client whose socket is full.
     *
     * @param stalled whether data frames conflate
     */
    public void stall(boolean stalled) {
        this.stalled = stalled;
    }

    /** @return the close code the protocol closed the client with, or -1 while open */
    public int closeCode() {
        return closeCode;
    }

    /** The client hangs up. */
    public void hangUp() {
        if (closeCode < 0) {
            closeCode = 1000;
            handler.onClosed();
        }
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public void sendText(byte[] utf8) {
        if (closeCode < 0) {
            received.addLast(new Entry(parse(utf8), false));
        }
    }

    @Override
    public void sendFrame(ByteBuffer frame) {
        sendText(payload(frame.duplicate()));
    }

    @Override
    public void sendData(ByteBuffer frame) {
        if (closeCode >= 0) {
            return;
        }
        if (stalled) {
            dropData();
        }
        received.addLast(new Entry(parse(payload(frame.duplicate())), true));
    }

    @Override
    public void dropData() {
        if (stalled) {
            received.removeIf(Entry::data);
        }
    }

    @Override
    public void close(int code, String reason) {
        if (closeCode < 0) {
            closeCode = code;
            handler.onClosed();
        }
    }

    /** The payload of an unmasked server text frame. */
    private static byte[] payload(ByteBuffer frame) {
        frame.get();
        int length = frame.get() & 0x7F;
        long size = length == 126 ? frame.getShort() & 0xFFFF : length == 127 ? frame.getLong() : length;
        byte[] payload = new byte[(int) size];
        frame.get(payload);
        return payload;
    }

    private static JsonNode parse(byte[] utf8) {
        try {
            return JSON.readTree(new String(utf8, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
