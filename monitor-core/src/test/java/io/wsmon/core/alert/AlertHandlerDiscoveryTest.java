package io.wsmon.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.api.AlertHandler;
import io.wsmon.core.Extensions;
import io.wsmon.core.alert.handler.ConsoleAlertHandler;
import io.wsmon.core.alert.handler.EmailAlertHandler;
import io.wsmon.core.alert.handler.FileAlertHandler;
import io.wsmon.core.alert.handler.SlackAlertHandler;
import io.wsmon.core.alert.handler.WebhookAlertHandler;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertHandlerDiscoveryTest {

    @Test
    void load_brokenAlertHandlerProvidersListed_skipsThemAndLoadsTheOthers() {
        // The test-only services file lists: First, a class that does not exist, Broken, ConsoleAlertHandler, Last,
        // then the file, email, webhook and Slack handlers.
        List<AlertHandler> handlers = Extensions.load(AlertHandler.class, getClass().getClassLoader());

        assertThat(handlers).extracting(AlertHandler::name)
                .containsExactly("discovered-first", "console", "discovered-last", "file", "email", "webhook", "slack");
        assertThat(handlers.subList(3, 7)).hasExactlyElementsOfTypes(FileAlertHandler.class, EmailAlertHandler.class,
                WebhookAlertHandler.class, SlackAlertHandler.class);
        assertThat(handlers.get(1)).isInstanceOf(ConsoleAlertHandler.class);
    }
}
