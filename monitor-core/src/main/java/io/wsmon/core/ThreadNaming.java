package io.wsmon.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the service's threads and makes them daemons, so a forgotten service never keeps a JVM alive. */
final class ThreadNaming implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger next = new AtomicInteger(1);

    ThreadNaming(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, prefix + next.getAndIncrement());
        thread.setDaemon(true);
        return thread;
    }
}
