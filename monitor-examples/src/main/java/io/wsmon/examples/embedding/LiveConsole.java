package io.wsmon.examples.embedding;

import io.wsmon.core.MonitoringService;
import io.wsmon.core.format.SystemSummary;
import io.wsmon.examples.CtrlC;
import java.time.Duration;

/**
 * Embeds the service and prints a summary of every snapshot until Ctrl-C.
 *
 * <pre>java -cp monitor-examples/target/monitoring-websocket-server.jar io.wsmon.examples.embedding.LiveConsole [seconds]</pre>
 */
public final class LiveConsole {

    private LiveConsole() {}

    /**
     * @param args optionally the interval in seconds (default 1)
     * @throws InterruptedException when interrupted while waiting for Ctrl-C
     */
    public static void main(String[] args) throws InterruptedException {
        Duration interval = args.length > 0 ? Duration.ofMillis((long) (Double.parseDouble(args[0]) * 1000)) : Duration.ofSeconds(1);
        MonitoringService service = MonitoringService.builder().interval(interval).start();
        service.subscribe(snapshot -> System.out.println("--- #" + snapshot.seq() + " " + snapshot.timestamp()
                + System.lineSeparator() + SystemSummary.of(snapshot)));
        CtrlC.awaitThenClose(service);
    }
}
