package io.wsmon.otel;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.wsmon.api.Exporter;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.Snapshot;
import io.wsmon.api.SystemInfo;
import io.wsmon.core.Version;
import io.wsmon.metrics.snapshot.AgentFigures;
import io.wsmon.metrics.snapshot.SnapshotMetrics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes each exported snapshot's figures as OTLP metrics over HTTP (protobuf), named after the
 * OpenTelemetry system-metrics semantic conventions (SPEC §10), with the resource attributes
 * {@code host.name}, {@code os.type}, {@code service.name=wsmon}, {@code service.instance.id} and
 * {@code service.version}.
 *
 * <p>Found by {@link java.util.ServiceLoader}; configured by the {@code otel.*} settings or the standard
 * {@code OTEL_EXPORTER_OTLP_*} variables ({@link OtlpSettings}); left out, quietly, when neither names an
 * endpoint. It runs on its own exporter thread: a receiver that is down or slow (each export is bounded by
 * {@code otel.timeout}) fails only this exporter's exports, which the service counts and logs once. A
 * failed export is not retried by the SDK: the next one carries the current cumulative values. The SDK's
 * own line per failed export (java.util.logging, logger {@value #SDK_EXPORT_LOGGER}) is turned off unless a
 * level was set for it, since the service already logs the failure once.
 *
 * <p>Active alerts are not pushed: an exporter sees the snapshot, which holds the alerts raised at its tick,
 * not the conditions still above a threshold.
 */
public final class OtlpExporter implements Exporter {

    /** The exporter's name, also the prefix of its settings. */
    public static final String NAME = "otel";

    /** The SDK's logger of failed OTLP/HTTP exports. */
    static final String SDK_EXPORT_LOGGER = "io.opentelemetry.exporter.otlp.internal.HttpExporter";

    private static final String SCOPE = "io.wsmon";
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(1);

    private final Map<String, String> environment;
    /** Held so that java.util.logging keeps the level set on it. */
    private Logger sdkLog;
    private SnapshotMetrics metrics;
    private OtlpSettings settings;
    private MonitorContext context;
    private OtlpHttpMetricExporter otlp;
    private SdkMeterProvider provider;
    private OnDemandReader reader;
    private FamilyInstruments instruments;

    /** Creates the exporter reading the process environment; {@link java.util.ServiceLoader} calls this. */
    public OtlpExporter() {
        this(System.getenv());
    }

    /**
     * Creates the exporter reading the given environment instead of the process's.
     *
     * @param environment the variables to read {@code OTEL_*} from
     */
    public OtlpExporter(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Duration> interval() {
        return settings == null ? Optional.empty() : settings.interval();
    }

    @Override
    public void start(MonitorContext context) throws Exception {
        this.context = context;
        settings = OtlpSettings.read(context, environment);
        // only now, configured: a server without OTLP loads neither the mappings nor java.util.logging at start
        sdkLog = quietSdkLog();
        metrics = new SnapshotMetrics();
        OtlpHttpMetricExporterBuilder builder = OtlpHttpMetricExporter.builder()
                .setEndpoint(settings.metricsEndpoint().toString())
                .setTimeout(settings.timeout())
                .setRetryPolicy(null);
        settings.headers().forEach(builder::addHeader);
        otlp = builder.build();
    }

    @Override
    public void export(Snapshot snapshot) throws Exception {
        if (provider == null) {
            open(snapshot);
        }
        instruments.update(metrics.families(snapshot, context.activeAlerts(), AgentFigures.of(Version.current())));
        CompletableResultCode result = otlp.export(reader.collect());
        long limit = settings.timeout().toMillis() + CLOSE_LIMIT.toMillis();
        result.join(limit, TimeUnit.MILLISECONDS);
        if (!result.isDone()) {
            throw new IOException("OTLP export to " + settings.metricsEndpoint() + " timed out after "
                    + settings.timeout().toMillis() + " ms");
        }
        if (!result.isSuccess()) {
            Throwable cause = result.getFailureThrowable();
            throw new IOException("OTLP export to " + settings.metricsEndpoint() + " failed"
                    + (cause == null ? "" : ": " + cause.getMessage()), cause);
        }
    }

    /** The resource needs the host name, which the first snapshot tells. */
    private void open(Snapshot snapshot) {
        String host = snapshot.system().map(SystemInfo::hostname).orElseGet(OtlpExporter::localHostName);
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.builder()
                .put("service.name", "wsmon")
                .put("service.version", Version.current())
                .put("service.instance.id", UUID.randomUUID().toString())
                .put("host.name", host)
                .put("os.type", osType(System.getProperty("os.name", "")))
                .build()));
        reader = new OnDemandReader();
        provider = SdkMeterProvider.builder().setResource(resource).registerMetricReader(reader).build();
        instruments = new FamilyInstruments(provider.get(SCOPE));
    }

    @Override
    public void close() {
        if (provider != null) {
            provider.shutdown().join(CLOSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (otlp != null) {
            otlp.shutdown().join(CLOSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Turns the SDK's line per failed export off, unless a level was set for it. */
    private static Logger quietSdkLog() {
        Logger logger = Logger.getLogger(SDK_EXPORT_LOGGER);
        if (logger.getLevel() == null) {
            logger.setLevel(Level.OFF);
        }
        return logger;
    }

    /** The {@code os.type} values of the semantic conventions. */
    static String osType(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return "windows";
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return "darwin";
        }
        if (name.contains("sunos") || name.contains("solaris")) {
            return "solaris";
        }
        return name.replaceAll("[^a-z]", "");
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
