package io.wsmon.alert.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import io.wsmon.core.alert.TestAlerts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleAlertHandlerTest {

    private static final String NL = System.lineSeparator();
    private static final String WARNING_LINE =
            "2026-01-03T10:15:30.123456+01:00 [WARNING] memory usage_percent: High memory usage: 85.5% (threshold: 80.0%)";
    private static final String CRITICAL_LINE =
            "2026-01-03T10:15:30.123456+01:00 [CRITICAL] disk usage_percent /data: Critical disk usage: 96.2% (threshold: 95.0%)";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void handle_terminalWarning_isYellow() throws Exception {
        new ConsoleAlertHandler("console", out, () -> true, Map.of()).handle(TestAlerts.memoryWarning());

        assertThat(printed()).isEqualTo("\u001B[33m" + WARNING_LINE + "\u001B[0m" + NL);
    }

    @Test
    void handle_terminalCritical_isRedAndNamesTheResource() throws Exception {
        new ConsoleAlertHandler("console", out, () -> true, Map.of()).handle(TestAlerts.diskCritical());

        assertThat(printed()).isEqualTo("\u001B[31m" + CRITICAL_LINE + "\u001B[0m" + NL);
    }

    @Test
    void handle_notATerminal_printsPlainText() throws Exception {
        ConsoleAlertHandler handler = new ConsoleAlertHandler("console", out, () -> false, Map.of());

        handler.handle(TestAlerts.memoryWarning());
        handler.handle(TestAlerts.diskCritical());

        assertThat(printed()).isEqualTo(WARNING_LINE + NL + CRITICAL_LINE + NL);
        assertThat(handler.coloured()).isFalse();
    }

    @Test
    void handle_noColorSet_printsPlainTextOnATerminal() throws Exception {
        new ConsoleAlertHandler("console", out, () -> true, Map.of("NO_COLOR", "1")).handle(TestAlerts.diskCritical());

        assertThat(printed()).isEqualTo(CRITICAL_LINE + NL);
    }

    @Test
    void useColour_noColorEmpty_keepsColour() {
        assertThat(ConsoleAlertHandler.useColour(true, Map.of("NO_COLOR", ""))).isTrue();
    }

    @Test
    void handle_messageWithLineBreak_staysOneLine() throws Exception {
        Alert alert = new Alert(TestAlerts.T0, "disk", "usage_percent", "/mnt/odd\npath", 90, 85, AlertLevel.WARNING,
                "High disk usage: 90.0% (threshold: 85.0%)");

        new ConsoleAlertHandler("console", out, () -> false, Map.of()).handle(alert);

        assertThat(printed()).hasLineCount(1).contains("/mnt/odd path");
    }

    @Test
    void handle_outputBroken_failsSoTheDeliveryIsCounted() {
        PrintStream broken = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("stdout closed");
            }
        });

        assertThatThrownBy(() -> new ConsoleAlertHandler("console", broken, () -> false, Map.of())
                        .handle(TestAlerts.memoryWarning()))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write to the console output");
    }

    @Test
    void systemConsoleIsTerminal_underTheTestRunner_isFalse() {
        // Surefire's forked JVM has no terminal; on JDK 22+ System.console() is not null, so this exercises isTerminal().
        assertThat(ConsoleAlertHandler.systemConsoleIsTerminal()).isFalse();
    }

    @Test
    void newHandler_blankName_isRejected() {
        assertThatThrownBy(() -> new ConsoleAlertHandler("", out, () -> false, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name: must not be blank, got ''");
    }
}
