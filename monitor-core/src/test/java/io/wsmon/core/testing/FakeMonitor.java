package io.wsmon.core.testing;

import io.wsmon.api.Monitor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** A monitor whose reading is a lambda, counting its calls. */
public final class FakeMonitor implements Monitor<Object> {

    private final String name;
    private final Callable<Object> reading;
    private final AtomicInteger calls = new AtomicInteger();

    /**
     * @param name the section name
     * @param reading what {@code collect} does
     */
    public FakeMonitor(String name, Callable<Object> reading) {
        this.name = name;
        this.reading = reading;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Object collect() throws Exception {
        calls.incrementAndGet();
        return reading.call();
    }

    /** @return how often {@code collect} was called */
    public int calls() {
        return calls.get();
    }
}
