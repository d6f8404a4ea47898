package io.wsmon.ws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmon.ws.testkit.ChildJvm;
import io.wsmon.ws.testkit.ClientFrames;
import io.wsmon.ws.testkit.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FatalErrorsTest {

    @Test
    void outOfMemory_inAnyThread_haltsNamingTheThread() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicBoolean halted = new AtomicBoolean();
        FatalErrors handler = new FatalErrors(new PrintStream(err, true, StandardCharsets.UTF_8), () -> halted.set(true));

        handler.uncaughtException(new Thread("wsmon-collector"), new OutOfMemoryError("Java heap space"));

        assertThat(halted).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("OutOfMemoryError: Java heap space in thread wsmon-collector; exiting");
    }

    @Test
    void otherException_isPrintedWithoutHalting() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicBoolean halted = new AtomicBoolean();
        FatalErrors handler = new FatalErrors(new PrintStream(err, true, StandardCharsets.UTF_8), () -> halted.set(true));

        handler.uncaughtException(new Thread("t"), new IllegalStateException("boom"));

        assertThat(halted).isFalse();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Exception in thread \"t\" java.lang.IllegalStateException: boom");
    }

    @Test
    void outOfMemory_inTheEventLoop_endsTheProcessWithCode3InsteadOfLeavingItDeaf() throws Exception {
        // 24 snapshots of 512 KiB (text and JSON) fit a 64 MiB heap; one history reply of all of them (three more copies) does not
        try (ChildJvm child = ChildJvm.start(FatalChildServer.class, List.of("-Xmx64m"), "524288", "24", "0", "268435456")) {
            int port = Integer.parseInt(child.awaitLine("PORT ", Duration.ofSeconds(30)));
            try (RawClient client = RawClient.open(port)) {
                client.write(ClientFrames.text("{\"type\":\"get_history\",\"count\":1000}"));

                assertThat(child.awaitExit(Duration.ofSeconds(30))).as("exit code; output: %s", child.output()).isEqualTo(3);
            }
            assertThat(String.join("\n", child.output())).contains("OutOfMemoryError").contains("in thread wsmon-ws-loop-");
        }
    }

    @Test
    void outOfMemory_inAMonitorsThread_endsTheProcessWithCode3InsteadOfCountingAFailedReading() throws Exception {
        // a monitor runs on a thread of its own whose future would keep the error as one failed reading
        try (ChildJvm child = ChildJvm.start(FatalMonitorChild.class, List.of())) {
            assertThat(child.awaitExit(Duration.ofSeconds(30))).as("exit code; output: %s", child.output()).isEqualTo(3);
            assertThat(String.join("\n", child.output())).contains("OutOfMemoryError: Java heap space in thread wsmon-collector");
        }
    }
}
