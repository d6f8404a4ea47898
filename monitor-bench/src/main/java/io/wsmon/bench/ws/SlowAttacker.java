package io.wsmon.bench.ws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * A client that makes the server work and reads slowly (64 bytes every 20 ms): one thread writes the same
 * bytes again and again at a pace, another reads. It ends when the server drops it or when closed.
 */
final class SlowAttacker implements AutoCloseable {

    private final Socket socket;
    private final Thread writer;
    private final Thread reader;
    private volatile long droppedAtNanos;

    private SlowAttacker(Socket socket, byte[] bytes, long pauseMillis, String name) {
        this.socket = socket;
        this.writer = new Thread(() -> write(bytes, pauseMillis), name + "-writer");
        this.reader = new Thread(this::readSlowly, name + "-reader");
        writer.setDaemon(true);
        reader.setDaemon(true);
    }

    /**
     * Opens a WebSocket connection and starts attacking.
     *
     * @param server the server
     * @param bytes what to write each time
     * @param pauseMillis the pause after each write
     * @param name the threads' name prefix
     * @return the running attacker
     * @throws IOException when the connection or the handshake fails
     */
    static SlowAttacker start(InetSocketAddress server, byte[] bytes, long pauseMillis, String name) throws IOException {
        Socket socket = RawWebSocket.open(server, 4096);
        SlowAttacker attacker = new SlowAttacker(socket, bytes, pauseMillis, name);
        attacker.writer.start();
        attacker.reader.start();
        return attacker;
    }

    /** @return when the server dropped this client ({@link System#nanoTime()}), or 0 while it has not */
    long droppedAtNanos() {
        return droppedAtNanos;
    }

    private void write(byte[] bytes, long pauseMillis) {
        try {
            OutputStream out = socket.getOutputStream();
            while (!socket.isClosed()) {
                out.write(bytes);
                TimeUnit.MILLISECONDS.sleep(pauseMillis);
            }
        } catch (IOException e) {
            dropped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readSlowly() {
        byte[] bytes = new byte[64];
        try {
            InputStream in = socket.getInputStream();
            while (in.read(bytes) >= 0) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            dropped();
        } catch (IOException e) {
            dropped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void dropped() {
        if (droppedAtNanos == 0 && !socket.isClosed()) {
            droppedAtNanos = System.nanoTime();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        writer.interrupt();
        reader.interrupt();
    }
}
