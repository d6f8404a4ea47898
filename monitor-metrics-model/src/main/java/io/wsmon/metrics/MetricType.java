package io.wsmon.metrics;

/** Whether a figure goes up and down or only grows. */
public enum MetricType {
    /** A value that can go up and down, such as memory in use. */
    GAUGE,
    /** A total that only grows (since boot or since the agent started), such as bytes received. */
    COUNTER
}
