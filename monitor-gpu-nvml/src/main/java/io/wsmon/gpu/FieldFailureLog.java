package io.wsmon.gpu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Logs a GPU figure that cannot be read without logging it every tick: a warning at the first failure
 * and whenever the reason changes, a note when it can be read again, saying after how many failed
 * reads. Thread-safe.
 */
public final class FieldFailureLog {

    private record Key(int gpu, String field) {}

    private record Failure(String reason, long count) {}

    private final Logger log;
    private final Map<Key, Failure> failing = new ConcurrentHashMap<>();

    /**
     * @param log where to log
     */
    public FieldFailureLog(Logger log) {
        this.log = log;
    }

    /**
     * Records a failed read.
     *
     * @param gpu the GPU index
     * @param field the figure, as named in the JSON, for example {@code "power_draw"}
     * @param reason why it failed, for example the NVML error
     */
    public void failed(int gpu, String field, String reason) {
        failing.compute(new Key(gpu, field), (key, previous) -> {
            if (previous == null) {
                log.warn("GPU {}: cannot read {} ({}); it is left out while this lasts", gpu, field, reason);
                return new Failure(reason, 1);
            }
            if (!previous.reason().equals(reason)) {
                log.warn("GPU {}: still cannot read {}, now because: {}", gpu, field, reason);
            }
            return new Failure(reason, previous.count() + 1);
        });
    }

    /**
     * Records a successful read (or an answer that the GPU does not support the figure).
     *
     * @param gpu the GPU index
     * @param field the figure, as named in the JSON
     */
    public void succeeded(int gpu, String field) {
        if (failing.isEmpty()) {
            return;
        }
        Failure recovered = failing.remove(new Key(gpu, field));
        if (recovered != null) {
            log.info("GPU {}: {} can be read again after {} failed reads", gpu, field, recovered.count());
        }
    }
}
