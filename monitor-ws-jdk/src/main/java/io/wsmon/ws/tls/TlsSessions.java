package io.wsmon.ws.tls;

import io.wsmon.ws.connection.StagingBuffers;
import io.wsmon.ws.connection.Transport;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS side of one server: makes a {@link TlsTransport} for each accepted socket with the current
 * context, runs the handshakes' delegated tasks on a few threads of its own, and swaps in a new context
 * when the identity's files change on disk (a renewal that cannot be used keeps the old context and is
 * logged once). Only TLS 1.3 and 1.2 are enabled, and ALPN offers {@code http/1.1}.
 *
 * <p>{@link #open} is called on the event loop only; the rest is thread-safe.
 */
public final class TlsSessions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TlsSessions.class);
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final int RETAINED_RECORD_BUFFERS = 64;

    private final TlsIdentity identity;
    private final ScheduledThreadPoolExecutor threads;
    private final StagingBuffers records;
    private final String[] protocols;
    private volatile SSLContext context;
    private List<String> lastSeen;

    private TlsSessions(TlsIdentity identity, SSLContext context, String name) {
        this.identity = identity;
        this.context = context;
        this.protocols = protocols(context);
        SSLEngine probe = newEngine(context);
        this.records = new StagingBuffers(RETAINED_RECORD_BUFFERS, probe.getSession().getPacketBufferSize());
        AtomicInteger count = new AtomicInteger();
        int size = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
        this.threads = new TlsThreads(size, task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.prestartAllCoreThreads();
        threads.setRemoveOnCancelPolicy(true);
        if (!identity.files().isEmpty()) {
            this.lastSeen = stamp(identity.files());
            long every = identity.checkInterval().toNanos();
            threads.scheduleWithFixedDelay(this::checkFiles, every, every, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Loads the identity and starts the handshake threads (named {@code name-1}, {@code name-2}, ...).
     *
     * @param identity the certificate and key
     * @param name the threads' name prefix
     * @return the running sessions
     * @throws TlsFileException when the identity's files cannot be used
     * @throws IllegalArgumentException when the context supports neither TLS 1.3 nor TLS 1.2
     */
    public static TlsSessions start(TlsIdentity identity, String name) {
        return new TlsSessions(identity, identity.load(), name);
    }

    /**
     * A TLS transport over an accepted socket, with the context current now.
     *
     * @param channel the socket, non-blocking
     * @param loop the event loop that owns it
     * @return the transport
     */
    public Transport open(SocketChannel channel, Executor loop) {
        return new TlsTransport(channel, newEngine(context), records, threads, loop);
    }

    /** Stops the handshake threads and the file checks. */
    @Override
    public void close() {
        threads.shutdownNow();
    }

    private SSLEngine newEngine(SSLContext from) {
        SSLEngine engine = from.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(protocols);
        parameters.setApplicationProtocols(new String[] {"http/1.1"});
        engine.setSSLParameters(parameters);
        return engine;
    }

    private void checkFiles() {
        List<String> now = stamp(identity.files());
        if (now.equals(lastSeen)) {
            return;
        }
        lastSeen = now;
        try {
            SSLContext fresh = identity.load();
            protocols(fresh);
            context = fresh;
            LOG.info("TLS: {} changed on disk; new connections get it, connected clients keep theirs", identity);
        } catch (RuntimeException e) {
            LOG.warn("TLS: {} changed on disk but cannot be used; keeping the previous certificate: {}",
                    identity, e.getMessage());
        }
    }

    /** What a renewal changes: each file's real path, size and modification time. */
    private static List<String> stamp(List<Path> files) {
        List<String> stamp = new ArrayList<>();
        for (Path file : files) {
            try {
                stamp.add(file.toRealPath() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toInstant());
            } catch (IOException e) {
                stamp.add(file + " unreadable");
            }
        }
        return stamp;
    }

    private static String[] protocols(SSLContext context) {
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
        String[] enabled = PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new);
        if (enabled.length == 0) {
            throw new IllegalArgumentException("tls: the context supports neither TLSv1.3 nor TLSv1.2, got "
                    + supported);
        }
        return enabled;
    }
}
