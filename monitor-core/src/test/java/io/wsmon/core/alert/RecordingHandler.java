package io.wsmon.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A handler that keeps what it receives, for tests to wait on. */
public class RecordingHandler implements AlertHandler {

    private final String name;
    private final BlockingQueue<Alert> received = new LinkedBlockingQueue<>();

    /** @param name the handler's name */
    public RecordingHandler(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void handle(Alert alert) {
        received.add(alert);
    }

    /**
     * Waits for the next alert, at most 5 s.
     *
     * @return the alert
     * @throws InterruptedException when interrupted
     */
    public Alert next() throws InterruptedException {
        Alert alert = received.poll(5, TimeUnit.SECONDS);
        assertThat(alert).as("an alert reached handler '%s' within 5 s", name).isNotNull();
        return alert;
    }

    /**
     * Waits for a number of alerts, at most 5 s each.
     *
     * @param count how many
     * @return them, in the order received
     * @throws InterruptedException when interrupted
     */
    public List<Alert> next(int count) throws InterruptedException {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            alerts.add(next());
        }
        return alerts;
    }

    /** @return alerts received and not yet taken */
    public List<Alert> pending() {
        return List.copyOf(received);
    }
}
