package io.wsmon.ws.connection;

import io.wsmon.core.time.Ticker;
import io.wsmon.ws.frame.FrameDecoder;
import io.wsmon.ws.handshake.Handshake;
import io.wsmon.ws.http.HttpRequestParser;

/**
 * What every connection of a server shares: the stateless codecs and the limits.
 *
 * @param handshake checks opening handshakes
 * @param requestParser parses request heads, bounded in size
 * @param frameDecoder decodes client frames, bounded in size
 * @param maxMessageBytes the largest client message, over all its fragments
 * @param maxPendingReplyBytes while a client has more reply bytes than this waiting, its commands are not read
 * @param handshakeTimeoutNanos how long a client may take to send its request head
 * @param sendTimeoutNanos how long frames may wait with no byte accepted by the socket
 * @param pingIntervalNanos after this long without hearing from a client, it is pinged
 * @param pingTimeoutNanos a client that sends nothing for this long after a ping is closed
 * @param closeTimeoutNanos how long to wait for the client to close after the server's close frame
 * @param ticker monotonic time
 */
public record ConnectionSettings(
        Handshake handshake,
        HttpRequestParser requestParser,
        FrameDecoder frameDecoder,
        int maxMessageBytes,
        long maxPendingReplyBytes,
        long handshakeTimeoutNanos,
        long sendTimeoutNanos,
        long pingIntervalNanos,
        long pingTimeoutNanos,
        long closeTimeoutNanos,
        Ticker ticker) {}
