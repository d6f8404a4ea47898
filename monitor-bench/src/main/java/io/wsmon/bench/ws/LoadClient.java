package io.wsmon.bench.ws;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One simulated client of the load tool: its socket, where it is in the handshake, what it has left over,
 * its TLS engine when it speaks TLS.
 */
final class LoadClient {

    /** Where a simulated client is. */
    enum State { CONNECTING, HANDSHAKE, OPEN, CLOSED }

    final int index;
    final boolean stalled;
    final boolean pinger;
    final SocketChannel channel;
    SelectionKey key;
    State state = State.CONNECTING;
    ByteBuffer leftover;
    ByteBuffer unsent;
    ClientTls tls;

    LoadClient(int index, boolean stalled, boolean pinger, SocketChannel channel) {
        this.index = index;
        this.stalled = stalled;
        this.pinger = pinger;
        this.channel = channel;
    }
}
