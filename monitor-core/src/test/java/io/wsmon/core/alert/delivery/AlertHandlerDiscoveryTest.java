package io.wsmon.core.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.AlertHandler;
import io.wsmon.core.alert.handler.ConsoleAlertHandler;
import org.junit.jupiter.api.Test;

class AlertHandlerDiscoveryTest {

    @Test
    void discover_brokenProvidersListed_skipsThemAndLoadsTheOthers() {
        // The test-only services file lists: First, a class that does not exist, Broken, ConsoleAlertHandler, Last.
        var handlers = AlertHandlerDiscovery.discover(getClass().getClassLoader());

        assertThat(handlers).extracting(AlertHandler::name)
                .containsExactly("discovered-first", "console", "discovered-last");
        assertThat(handlers.get(1)).isInstanceOf(ConsoleAlertHandler.class);
    }
}
