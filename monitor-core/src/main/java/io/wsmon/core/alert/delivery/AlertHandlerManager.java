package io.wsmon.core.alert.delivery;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import io.wsmon.core.FailureLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers of a service and their delivery, as the seed's {@code AlertHandlerManager}: add, remove, get,
 * list, enable or disable all, clear, deliver one alert to all, statistics.
 *
 * <p>Each handler has its own {@link DeliveryLane} (one thread, bounded queue): delivery never blocks the
 * caller, and a handler that hangs or throws delays and loses only its own alerts. Handlers are started by
 * {@link #start} (or when added later) and closed by {@link #close} or when removed. Thread-safe.
 *
 * <p>What a handler's {@link AlertHandler#start start} may throw, and what {@link #start} then does (a handler
 * that fails to start is always left out, and the others go on):
 * <ul>
 *   <li>{@link MonitorUnavailableException}: the handler is not configured, for example a built-in handler found
 *       by {@link java.util.ServiceLoader} without any of its settings. One DEBUG line; nothing is wrong, so
 *       listing handlers that are not used costs nothing.</li>
 *   <li>{@link IllegalArgumentException}: a bad setting. One WARN line with the exception's message, which
 *       names the setting's key and the problem.</li>
 *   <li>Anything else, {@link LinkageError} included: one WARN line with the stack trace.</li>
 * </ul>
 */
public final class AlertHandlerManager implements AutoCloseable {

    /** Default number of alerts that may wait for one handler. */
    public static final int DEFAULT_QUEUE_CAPACITY = 100;
    /** Default bound on how long {@link #close()} waits for deliveries in flight. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(AlertHandlerManager.class);

    private enum State { NEW, STARTED, CLOSED }

    private final int queueCapacity;
    private final Duration closeTimeout;
    private final Logger log;
    private final Object lock = new Object();
    /** Replaced, never changed, so that delivery reads it without locking. */
    private volatile List<ManagedAlertHandler> handlers = List.of();
    private State state = State.NEW;
    private MonitorContext context;

    /** A manager with the default queue capacity and close timeout. */
    public AlertHandlerManager() {
        this(DEFAULT_QUEUE_CAPACITY, DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * @param queueCapacity how many alerts may wait for one handler before new ones are dropped; at least 1
     * @param closeTimeout how long {@link #close()} waits for deliveries in flight; not negative
     * @throws IllegalArgumentException naming a bad value
     */
    public AlertHandlerManager(int queueCapacity, Duration closeTimeout) {
        this(queueCapacity, closeTimeout, LOG);
    }

    /**
     * @param queueCapacity how many alerts may wait for one handler; at least 1
     * @param closeTimeout how long {@link #close()} waits for deliveries in flight; not negative
     * @param log where handlers left out at {@link #start}, or failing to close, are reported
     */
    AlertHandlerManager(int queueCapacity, Duration closeTimeout, Logger log) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("alert queue capacity must be at least 1, got " + queueCapacity);
        }
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("alert close timeout must not be negative, got " + closeTimeout);
        }
        this.queueCapacity = queueCapacity;
        this.closeTimeout = closeTimeout;
        this.log = log;
    }

    /**
     * Adds a handler. Once the manager is started, the handler is started here.
     *
     * @param handler the handler; its name must be unique in this manager
     * @return the handler as managed: enable flag, filters, counters
     * @throws IllegalArgumentException when the name is already used or blank
     * @throws IllegalStateException when the manager is closed, or the handler fails to start
     */
    public ManagedAlertHandler add(AlertHandler handler) {
        Objects.requireNonNull(handler, "handler");
        String name = handler.name();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("alert handler " + handler.getClass().getName() + " has a blank name");
        }
        synchronized (lock) {
            if (state == State.CLOSED) {
                throw new IllegalStateException("alert handler manager is closed; cannot add '" + name + "'");
            }
            if (find(name).isPresent()) {
                throw new IllegalArgumentException("alert handler name '" + name + "' is already used");
            }
            if (state == State.STARTED) {
                try {
                    handler.start(context);
                } catch (Exception e) {
                    throw new IllegalStateException("alert handler '" + name + "' failed to start: " + e.getMessage(), e);
                }
            }
            ManagedAlertHandler managed = new ManagedAlertHandler(handler, queueCapacity);
            List<ManagedAlertHandler> next = new ArrayList<>(handlers);
            next.add(managed);
            handlers = List.copyOf(next);
            return managed;
        }
    }

    /**
     * Removes a handler. Alerts already queued for it are still delivered, then it is closed.
     *
     * @param name the handler's name
     * @return whether there was such a handler
     */
    public boolean remove(String name) {
        ManagedAlertHandler removed;
        boolean started;
        synchronized (lock) {
            removed = find(name).orElse(null);
            if (removed == null) {
                return false;
            }
            List<ManagedAlertHandler> next = new ArrayList<>(handlers);
            next.remove(removed);
            handlers = List.copyOf(next);
            started = state == State.STARTED;
        }
        retire(removed, started);
        return true;
    }

    /** Removes every handler, as {@link #remove} does for one. */
    public void clear() {
        List<ManagedAlertHandler> removed;
        boolean started;
        synchronized (lock) {
            removed = handlers;
            handlers = List.of();
            started = state == State.STARTED;
        }
        removed.forEach(managed -> retire(managed, started));
    }

    /** Lets the handler's queued alerts go out, then closes it if it was started. */
    private void retire(ManagedAlertHandler managed, boolean started) {
        managed.lane().shutdown(started ? () -> closeQuietly(managed) : null);
    }

    /**
     * @param name a handler's name
     * @return the handler, or empty
     */
    public Optional<ManagedAlertHandler> get(String name) {
        return find(name);
    }

    private Optional<ManagedAlertHandler> find(String name) {
        return handlers.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** @return every handler, in the order added */
    public List<ManagedAlertHandler> list() {
        return handlers;
    }

    /** @return every handler's name, in the order added */
    public List<String> names() {
        return handlers.stream().map(ManagedAlertHandler::name).toList();
    }

    /** Enables every handler. */
    public void enableAll() {
        handlers.forEach(h -> h.setEnabled(true));
    }

    /** Disables every handler. */
    public void disableAll() {
        handlers.forEach(h -> h.setEnabled(false));
    }

    /**
     * Starts every handler. A handler whose {@code start} throws is removed and logged as the class comment
     * says; the others go on.
     *
     * @param serviceContext the service's settings and clock, handed to each handler
     * @throws IllegalStateException when already started or closed
     */
    public void start(MonitorContext serviceContext) {
        Objects.requireNonNull(serviceContext, "context");
        List<ManagedAlertHandler> failed = new ArrayList<>();
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("alert handler manager is already "
                        + (state == State.STARTED ? "started" : "closed"));
            }
            context = serviceContext;
            for (ManagedAlertHandler managed : handlers) {
                if (!startOrLeaveOut(managed, serviceContext)) {
                    failed.add(managed);
                }
            }
            List<ManagedAlertHandler> next = new ArrayList<>(handlers);
            next.removeAll(failed);
            handlers = List.copyOf(next);
            state = State.STARTED;
        }
        failed.forEach(managed -> managed.lane().shutdown(null));
    }

    private boolean startOrLeaveOut(ManagedAlertHandler managed, MonitorContext serviceContext) {
        try {
            managed.handler().start(serviceContext);
            return true;
        } catch (MonitorUnavailableException e) {
            log.debug("alert handler '{}' is not configured and is left out: {}", managed.name(), e.getMessage());
        } catch (IllegalArgumentException e) {
            log.warn("alert handler '{}' is left out: {}", managed.name(), e.getMessage());
        } catch (Exception | LinkageError e) {
            log.warn("alert handler '{}' failed to start and is left out: {}", managed.name(), FailureLog.describe(e), e);
        }
        return false;
    }

    /**
     * Queues an alert for every enabled handler and returns at once; the filters run on each handler's thread.
     *
     * @param alert the alert
     * @throws IllegalStateException when the manager was not started; after {@link #close} alerts are ignored
     */
    public void submit(Alert alert) {
        if (!accepting()) {
            return;
        }
        for (ManagedAlertHandler managed : handlers) {
            if (managed.isEnabled()) {
                managed.submit(alert, null);
            }
        }
    }

    /**
     * Delivers an alert to every enabled handler, as the seed's {@code handle_alert}, without blocking: the
     * result completes when each handler is done.
     *
     * @param alert the alert
     * @return handler name to success (false when the handler threw or its queue was full), for each enabled
     *     handler whose filters accepted the alert, in the order added; empty after {@link #close}
     * @throws IllegalStateException when the manager was not started
     */
    public CompletableFuture<Map<String, Boolean>> handle(Alert alert) {
        if (!accepting()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        Map<String, CompletableFuture<Boolean>> outcomes = new LinkedHashMap<>();
        for (ManagedAlertHandler managed : handlers) {
            if (managed.isEnabled()) {
                CompletableFuture<Boolean> outcome = new CompletableFuture<>();
                outcomes.put(managed.name(), outcome);
                managed.submit(alert, outcome);
            }
        }
        return CompletableFuture.allOf(outcomes.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, Boolean> results = new LinkedHashMap<>();
            outcomes.forEach((name, outcome) -> {
                Boolean delivered = outcome.join();
                if (delivered != null) {
                    results.put(name, delivered);
                }
            });
            return results;
        });
    }

    private boolean accepting() {
        synchronized (lock) {
            if (state == State.NEW) {
                throw new IllegalStateException("alert handler manager is not started; call start(context) first");
            }
            return state == State.STARTED;
        }
    }

    /** @return the counters of every handler and their totals */
    public DeliveryStatistics statistics() {
        List<HandlerStatistics> each = handlers.stream().map(ManagedAlertHandler::statistics).toList();
        return new DeliveryStatistics(
                each.stream().mapToLong(HandlerStatistics::handled).sum(),
                each.stream().mapToLong(HandlerStatistics::errors).sum(),
                each.stream().mapToLong(HandlerStatistics::dropped).sum(),
                each);
    }

    /**
     * Stops delivery: waits up to the close timeout for queued alerts, then interrupts the handlers still busy
     * and discards what they had queued, then closes every handler (a busy one when its call returns).
     */
    @Override
    public void close() {
        List<ManagedAlertHandler> closing;
        boolean started;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            started = state == State.STARTED;
            state = State.CLOSED;
            closing = handlers;
            handlers = List.of();
        }
        closing.forEach(managed -> retire(managed, started));
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        for (ManagedAlertHandler managed : closing) {
            awaitOrAbandon(managed, deadline);
        }
    }

    private void awaitOrAbandon(ManagedAlertHandler managed, long deadline) {
        try {
            if (managed.lane().awaitTermination(deadline)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Runnable> discarded = managed.lane().shutdownNow();
        discarded.forEach(task -> ((ManagedAlertHandler.Delivery) task).abandon());
        log.warn("alert handler '{}' still busy at close: interrupted, {} queued alerts not delivered",
                managed.name(), discarded.size());
    }

    private void closeQuietly(ManagedAlertHandler managed) {
        try {
            managed.handler().close();
        } catch (Exception e) {
            log.warn("alert handler '{}' failed to close: {}", managed.name(), e.toString(), e);
        }
    }
}
