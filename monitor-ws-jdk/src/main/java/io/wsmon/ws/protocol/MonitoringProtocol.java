package io.wsmon.ws.protocol;

import io.wsmon.api.Snapshot;
import io.wsmon.core.time.Ticker;
import io.wsmon.ws.connection.Connection;
import io.wsmon.ws.connection.ConnectionHandler;
import io.wsmon.ws.http.HttpRequest;
import io.wsmon.ws.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The monitoring protocol of SPEC §4 over any {@link MonitoringFeed}: admits clients up to the limit,
 * runs each client's {@link ClientSession}, fans every snapshot out to the subscribers, and serves the
 * HTTP API.
 *
 * <p>Everything but {@link #start()}, {@link #connectedClients()} and the feed's delivery runs on the
 * event loop thread given at construction.
 */
public final class MonitoringProtocol {

    private static final ClientSession[] NO_SESSIONS = new ClientSession[0];

    private final MonitoringFeed feed;
    private final ProtocolSettings settings;
    private final Ticker ticker;
    private final Messages messages;
    private final SubscriptionShapes shapes = new SubscriptionShapes();
    private final Set<ClientSession> sessions = new LinkedHashSet<>();
    private final FanOut fanOut;
    private final HttpApi httpApi = new HttpApi(this);
    private final Instant startTime;
    private volatile int connected;
    private Tick latest;

    /**
     * @param feed the snapshots and the service behind them
     * @param settings limits
     * @param ticker monotonic time, for rate limits
     * @param loop the event loop that owns the connections
     */
    public MonitoringProtocol(MonitoringFeed feed, ProtocolSettings settings, Ticker ticker, Executor loop) {
        this.feed = feed;
        this.settings = settings;
        this.ticker = ticker;
        this.messages = new Messages(feed.codec(), feed.clock());
        this.fanOut = new FanOut(feed, shapes, loop, this::deliver);
        this.startTime = feed.clock().instant();
    }

    /**
     * Starts receiving the feed's snapshots.
     *
     * @return closing it stops them
     */
    public AutoCloseable start() {
        return feed.subscribe(fanOut);
    }

    /**
     * Admits a client whose handshake succeeded.
     *
     * @param connection the open connection
     * @return its session, or {@code null} when {@code maxClients} are connected
     */
    public ConnectionHandler admit(Connection connection) {
        return sessions.size() >= settings.maxClients() ? null : new ClientSession(connection, this);
    }

    /**
     * Serves a plain HTTP request.
     *
     * @param request the request
     * @return the response
     */
    public HttpResponse serve(HttpRequest request) {
        return httpApi.serve(request);
    }

    /**
     * WebSocket clients connected now; readable from any thread.
     *
     * @return the count
     */
    public int connectedClients() {
        return connected;
    }

    void opened(ClientSession session) {
        sessions.add(session);
        connected = sessions.size();
    }

    void closed(ClientSession session) {
        if (sessions.remove(session)) {
            shapes.remove(session.shape());
            connected = sessions.size();
        }
    }

    private void deliver(Tick tick) {
        latest = tick;
        for (ClientSession session : sessions.toArray(NO_SESSIONS)) {
            session.onTick(tick);
        }
    }

    /** @return the last tick delivered, or one made from the feed's latest snapshot when none was yet */
    Tick latestTick() {
        if (latest == null) {
            feed.currentSnapshot().ifPresent(snapshot -> latest = Tick.prepare(snapshot, feed, Set.of()));
        }
        return latest;
    }

    byte[] status() {
        return messages.status(connected, settings.maxClients(), startTime, feed.serverVersion(), feed.isRunning());
    }

    /**
     * The history reply: the newest {@code count} snapshots that fit in the reply size bound, oldest first.
     */
    byte[] history(int count, Set<String> sections) {
        List<Snapshot> snapshots = feed.history(count);
        List<byte[]> items = new ArrayList<>();
        long budget = settings.maxReplyBytes() - 64L;
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            Snapshot snapshot = snapshots.get(i);
            byte[] item = sections == null ? bytes(snapshot.json()) : feed.codec().encode(snapshot, "monitoring_data", sections);
            budget -= item.length + 1;
            if (budget < 0) {
                break;
            }
            items.add(item);
        }
        Collections.reverse(items);
        return Messages.history(items);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    MonitoringFeed feed() {
        return feed;
    }

    ProtocolSettings settings() {
        return settings;
    }

    Messages messages() {
        return messages;
    }

    SubscriptionShapes shapes() {
        return shapes;
    }

    Set<String> knownSections() {
        return fanOut.knownSections();
    }

    Ticker ticker() {
        return ticker;
    }
}
