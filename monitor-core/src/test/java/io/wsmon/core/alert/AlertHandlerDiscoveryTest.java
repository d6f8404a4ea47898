package io.wsmon.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.AlertHandler;
import io.wsmon.core.Extensions;
import io.wsmon.core.discovery.DiscoveredHandlers;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertHandlerDiscoveryTest {

    @Test
    void load_brokenAlertHandlerProvidersListed_skipsThemAndLoadsTheOthers() {
        // The test-only services file lists: First, a class that does not exist, Broken, Middle, Last.
        List<AlertHandler> handlers = Extensions.load(AlertHandler.class, getClass().getClassLoader());

        assertThat(handlers).extracting(AlertHandler::name)
                .containsExactly("discovered-first", "discovered-middle", "discovered-last");
        assertThat(handlers).hasExactlyElementsOfTypes(DiscoveredHandlers.First.class, DiscoveredHandlers.Middle.class,
                DiscoveredHandlers.Last.class);
    }
}
