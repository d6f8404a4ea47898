package io.wsmon.bench.ws;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.util.Locale;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The frame fuzzing test of {@code monitor-ws-jdk} ({@code FrameFuzzTest}: mutated frames on plain and TLS
 * connections while good clients count their ticks) for as long as asked, on demand: CI runs it for about
 * 12 s per transport. The same checks, the same corpus; each transport runs for the given time.
 *
 * <pre>
 * java -cp monitor-bench/target/benchmarks.jar io.wsmon.bench.ws.FrameFuzzRun --seconds 600
 * </pre>
 *
 * <p>Options: {@code --seconds N} per transport (300, at most 86400), {@code --seed S} to replay a run (the
 * seed is in every failure). Prints the cases tried and close codes seen per transport, then the summary;
 * exits 0 when both transports passed, 1 otherwise.
 */
public final class FrameFuzzRun {

    private static final String TEST = "io.wsmon.ws.server.FrameFuzzTest";
    private static final long MAX_SECONDS = 86_400;

    private FrameFuzzRun() {}

    /**
     * @param args see the class description
     */
    public static void main(String[] args) {
        long seconds = 300;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + ": a value is missing");
            }
            switch (args[i]) {
                case "--seconds" -> seconds = seconds(args[i + 1]);
                case "--seed" -> System.setProperty("wsmon.fuzz.seed", Long.toString(Long.parseLong(args[i + 1])));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--seconds N, --seed S)");
            }
        }
        System.setProperty("wsmon.fuzz.seconds", Long.toString(seconds));
        System.out.printf(Locale.ROOT, "frame fuzzing, %d s per transport (plain, TLS)%n", seconds);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(TEST)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printTo(out);
        summary.printFailuresTo(out, 20);
        boolean passed = summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() == 2;
        System.exit(passed ? 0 : 1);
    }

    private static long seconds(String value) {
        long seconds = Long.parseLong(value);
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("--seconds: between 1 and " + MAX_SECONDS + ", got " + value);
        }
        return seconds;
    }
}
