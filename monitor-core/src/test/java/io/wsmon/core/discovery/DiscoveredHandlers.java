package io.wsmon.core.discovery;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;

/** Handlers listed in the test-only {@code META-INF/services/io.wsmon.api.AlertHandler}. */
public final class DiscoveredHandlers {

    private DiscoveredHandlers() {}

    /** Listed first: works. */
    public static final class First implements AlertHandler {
        @Override
        public String name() {
            return "discovered-first";
        }

        @Override
        public void handle(Alert alert) {}
    }

    /** Listed second: its constructor throws, as a handler missing a dependency would. */
    public static final class Broken implements AlertHandler {
        /** Always fails. */
        public Broken() {
            throw new IllegalStateException("broken on purpose");
        }

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public void handle(Alert alert) {}
    }

    /** Listed after the broken ones: works. */
    public static final class Middle implements AlertHandler {
        @Override
        public String name() {
            return "discovered-middle";
        }

        @Override
        public void handle(Alert alert) {}
    }

    /** Listed last: works. */
    public static final class Last implements AlertHandler {
        @Override
        public String name() {
            return "discovered-last";
        }

        @Override
        public void handle(Alert alert) {}
    }
}
