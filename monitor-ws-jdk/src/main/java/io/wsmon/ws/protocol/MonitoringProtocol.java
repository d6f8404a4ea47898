package io.wsmon.ws.protocol;

import io.wsmon.api.Snapshot;
import io.wsmon.api.SnapshotSource;
import io.wsmon.api.http.HttpEndpoint;
import io.wsmon.core.time.Ticker;
import io.wsmon.ws.connection.ClientConnection;
import io.wsmon.ws.connection.ConnectionHandler;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The monitoring protocol of SPEC §4 over any {@link SnapshotSource}: admits clients up to the limit,
 * runs each client's {@link ClientSession}, fans every snapshot out to the subscribers, and provides the
 * HTTP API as endpoints.
 *
 * <p>Everything but {@link #start}, {@link #connectedClients()}, {@link #endpoints()} and the source's
 * delivery runs on the event loop thread given to {@link #start}.
 */
public final class MonitoringProtocol {

    private static final ClientSession[] NO_SESSIONS = new ClientSession[0];

    private final SnapshotSource source;
    private final ProtocolSettings settings;
    private final Ticker ticker;
    private final Messages messages;
    private final SubscriptionShapes shapes = new SubscriptionShapes();
    private final Set<ClientSession> sessions = new LinkedHashSet<>();
    private final HistoryReplies historyReplies;
    private final Instant startTime;
    private volatile FanOut fanOut;
    private volatile int connected;
    private Tick latest;

    /**
     * @param source the snapshots and the service behind them
     * @param settings limits
     * @param ticker monotonic time, for rate limits
     * @param clock the clock of reply timestamps and of the start time
     * @param serverVersion the version reported as {@code server_version}
     */
    public MonitoringProtocol(SnapshotSource source, ProtocolSettings settings, Ticker ticker, Clock clock,
            String serverVersion) {
        this.source = source;
        this.settings = settings;
        this.ticker = ticker;
        this.messages = new Messages(clock, serverVersion);
        this.historyReplies = new HistoryReplies(
                (snapshots, sections) -> messages.history(snapshots, sections, settings.maxReplyBytes()));
        this.startTime = clock.instant();
    }

    /**
     * Starts receiving the source's snapshots.
     *
     * @param loop the event loop that owns the connections; every client is served on it
     * @return closing it stops them
     */
    public AutoCloseable start(Executor loop) {
        FanOut started = new FanOut(messages, shapes, loop, this::deliver, () -> connected > 0);
        fanOut = started;
        return source.subscribe(started);
    }

    /**
     * Admits a client whose handshake succeeded.
     *
     * @param connection the open connection
     * @return its session, or {@code null} when {@code maxClients} are connected
     */
    public ConnectionHandler admit(ClientConnection connection) {
        return sessions.size() >= settings.maxClients() ? null : new ClientSession(connection, this);
    }

    /**
     * The HTTP API ({@code /api/snapshot}, {@code /api/history}, {@code /api/status}, {@code /healthz}),
     * as endpoints like any other.
     *
     * @return the endpoints
     */
    public List<HttpEndpoint> endpoints() {
        return new ApiEndpoints(this).endpoints();
    }

    /**
     * WebSocket clients connected now; readable from any thread.
     *
     * @return the count
     */
    public int connectedClients() {
        return connected;
    }

    /**
     * Ticks no client received because the event loop was so late that more newer ones waited for it;
     * readable from any thread.
     *
     * @return the count since {@link #start}
     */
    public long lostTicks() {
        FanOut started = fanOut;
        return started == null ? 0 : started.lostTicks();
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

    /**
     * @return the last tick delivered, or one made from the source's newest snapshot when that is newer (no
     *     tick is delivered while nobody is connected); {@code null} before the first snapshot
     */
    Tick latestTick() {
        Snapshot newest = source.currentSnapshot().orElse(null);
        if (newest != null && (latest == null || latest.seq() < newest.seq())) {
            latest = Tick.prepare(newest, messages, Set.of());
        }
        return latest;
    }

    byte[] status() {
        return messages.status(connected, settings.maxClients(), startTime, source.isRunning());
    }

    /** The history reply: the newest {@code count} snapshots that fit in the reply size bound, oldest first. */
    byte[] history(int count, Set<String> sections) {
        return messages.history(source.history(count), sections, settings.maxReplyBytes());
    }

    /** The history reply as a frame, shared with the other clients that ask for the same. */
    ByteBuffer historyFrame(int count, Set<String> sections) {
        return historyReplies.frame(source.history(count), sections);
    }

    SnapshotSource source() {
        return source;
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

    /** @return every section name seen in a snapshot so far, in first-seen order */
    Set<String> knownSections() {
        FanOut started = fanOut;
        return started == null ? Set.of() : started.knownSections();
    }

    Ticker ticker() {
        return ticker;
    }
}
