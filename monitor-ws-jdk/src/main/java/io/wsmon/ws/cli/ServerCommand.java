package io.wsmon.ws.cli;

import io.wsmon.api.AlertLevel;
import io.wsmon.core.MonitoringService;
import io.wsmon.core.MonitoringServiceBuilder;
import io.wsmon.core.Version;
import io.wsmon.core.alert.AlertMetric;
import io.wsmon.core.alert.AlertRule;
import io.wsmon.core.alert.Thresholds;
import io.wsmon.core.export.JsonFileExporter;
import io.wsmon.core.format.Durations;
import io.wsmon.ws.server.ServerConfig;
import io.wsmon.ws.server.WebSocketServer;
import io.wsmon.ws.tls.TlsFileException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code monitoring-websocket-server}: starts collection, alerts, export and the WebSocket server with the
 * settings of the command line, environment and config file, shows the console view, and stops cleanly
 * on SIGTERM or Ctrl-C (clients get close 1001, exporters flush, exit code 0).
 *
 * <p>Exit codes: 0 stopped cleanly, 1 could not start (port in use), 2 bad usage (a TLS file that cannot
 * be used among them, named), 3 out of memory (or
 * another fatal JVM error) in any thread: the process ends at once rather than linger unable to answer.
 */
public final class ServerCommand {

    private static final Logger log = LoggerFactory.getLogger(ServerCommand.class);

    private ServerCommand() {}

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        FatalErrors.install();
        System.exit(run(args, System.getenv(), System.out, System.err, StopSignal.onTerminationSignals()));
    }

    /**
     * Runs the command until {@code stop} fires.
     *
     * @return the exit code
     */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err, StopSignal stop) {
        Invocation invocation;
        try {
            invocation = SettingsResolver.resolve(args, environment);
        } catch (UsageException e) {
            err.println(Usage.COMMAND + ": " + e.getMessage());
            err.println(Usage.synopsis());
            err.println("Try '" + Usage.COMMAND + " --help' for every flag and setting.");
            return 2;
        }
        switch (invocation.action()) {
            case HELP -> {
                out.print(Usage.text());
                return 0;
            }
            case VERSION -> {
                out.println(Usage.COMMAND + " " + Version.current());
                return 0;
            }
            default -> {
                return serve(invocation.settings(), environment, out, err, stop);
            }
        }
    }

    private static int serve(ServerSettings settings, Map<String, String> environment, PrintStream out,
            PrintStream err, StopSignal stop) {
        if (settings.tls() != null) {
            try {
                settings.tls().load();
            } catch (TlsFileException e) {
                err.println(Usage.COMMAND + ": " + e.getMessage());
                return 2;
            }
        }
        MonitoringService service;
        try {
            service = service(settings).build();
        } catch (IllegalArgumentException e) {
            err.println(Usage.COMMAND + ": " + e.getMessage());
            return 2;
        }
        // the service starts its monitors while the server binds and sets up its endpoints: two class-loading
        // paths on the way to the first snapshot a client gets, run side by side
        FutureTask<MonitoringService> serviceStart = new FutureTask<>(service::start);
        new Thread(serviceStart, "wsmon-service-start").start();
        WebSocketServer server;
        try {
            server = server(settings, service).start();
        } catch (IOException e) {
            service.stop();
            err.println(Usage.COMMAND + ": cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage());
            return 1;
        }
        try {
            awaitStart(serviceStart);
        } catch (RuntimeException | Error e) {
            server.close(); // else its event loop would keep the process alive
            service.stop();
            if (e instanceof IllegalArgumentException) {
                err.println(Usage.COMMAND + ": " + e.getMessage());
                return 2;
            }
            throw e;
        }
        String address = (settings.tls() != null ? "wss://" : "ws://") + settings.host() + ":" + server.port() + "/";
        List<String> sections = List.copyOf(service.statistics().monitors().keySet());
        log.info("{} {} listening on {}, collecting {} every {}", Usage.COMMAND, Version.current(), address,
                String.join(", ", sections), Durations.format(settings.interval()));
        DisplayMode mode = displayMode(settings);
        if (mode != DisplayMode.NONE) { // a subscriber costs a thread hand-off every tick, even one that prints nothing
            ConsoleView view = new ConsoleView(out, mode, Terminal.isColourTerminal(environment));
            service.subscribe(snapshot -> view.render(snapshot, new ServerStatus(address, server.connectedClients(),
                    settings.maxClients(), server.refusedRequests(), service.activeAlerts(), service.recentAlerts())));
        }
        stop.await();
        log.info("stopping: closing {} clients, flushing exporters", server.connectedClients());
        server.close();
        service.stop();
        return 0;
    }

    /** Waits for the service's start and throws what it threw. */
    private static void awaitStart(FutureTask<MonitoringService> start) {
        try {
            start.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the monitoring service started", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the monitoring service could not start", e.getCause());
        }
    }

    static MonitoringServiceBuilder service(ServerSettings settings) {
        MonitoringServiceBuilder builder = MonitoringService.builder()
                .interval(settings.interval())
                .historySize(settings.historySize())
                .historyMaxAge(settings.historyTtl())
                .diskPaths(settings.diskPaths())
                .exportInterval(settings.exportInterval());
        if (!settings.gpu()) {
            builder.disable("gpu");
        }
        if (settings.exportDir() != null) {
            builder.exporter(JsonFileExporter.builder(settings.exportDir()).compress(settings.exportCompress()).build());
        }
        settings.extensionSettings().forEach(builder::setting);
        builder.alertCooldown(settings.alertCooldown())
                .alertRule(AlertRule.above("memory", "usage_percent")
                        .warning(settings.memoryWarning()).critical(settings.memoryCritical()))
                .alertRule(AlertRule.above("disk", "usage_percent")
                        .warning(settings.diskWarning()).critical(settings.diskCritical()))
                .alertRule(AlertRule.below("disk", "free_gb")
                        .warning(settings.diskFreeWarningGb()).critical(settings.diskFreeCriticalGb()));
        if (settings.cpuWarning() != null || settings.cpuCritical() != null) {
            builder.alertRule(AlertRule.above("cpu", "usage_percent")
                    .withThresholds(settings.cpuWarning(), settings.cpuCritical()).enabled(true));
        }
        Thresholds optional = settings.optionalThresholds();
        for (AlertMetric metric : optional.metrics()) {
            builder.alertRule(AlertRule.above(metric.component(), metric.metric()).withThresholds(
                    optional.get(metric, AlertLevel.WARNING).orElse(null),
                    optional.get(metric, AlertLevel.CRITICAL).orElse(null)));
        }
        return builder;
    }

    static ServerConfig.Builder server(ServerSettings settings, MonitoringService service) {
        ServerConfig.Builder builder = WebSocketServer.builder(service)
                .host(settings.host())
                .port(settings.port())
                .maxClients(settings.maxClients())
                .sendTimeout(settings.sendTimeout())
                .settings(settings.endpointSettings());
        if (settings.token() != null) {
            builder.token(settings.token());
        }
        settings.allowedOrigins().forEach(builder::allowedOrigin);
        settings.allowedHosts().forEach(builder::allowedHost);
        if (settings.tls() != null) {
            builder.tls(settings.tls());
        }
        return builder;
    }

    private static DisplayMode displayMode(ServerSettings settings) {
        if (settings.display() != null) {
            return settings.display();
        }
        return Terminal.isTerminal() ? DisplayMode.COMPACT : DisplayMode.NONE;
    }
}
