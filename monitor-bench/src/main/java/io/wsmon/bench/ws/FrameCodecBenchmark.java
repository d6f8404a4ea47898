package io.wsmon.bench.ws;

import io.wsmon.ws.frame.Frame;
import io.wsmon.ws.frame.FrameDecoder;
import io.wsmon.ws.frame.FrameEncoder;
import io.wsmon.ws.frame.ProtocolException;
import io.wsmon.ws.frame.Utf8Validator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU the WebSocket layer spends besides the socket writes: building the shared frame of a 2 KB
 * snapshot once per tick, taking a per-client view of it, and decoding and validating a client command.
 *
 * <pre>java -jar monitor-bench/target/benchmarks.jar FrameCodecBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameCodecBenchmark {

    private ByteBuffer snapshotJson;
    private ByteBuffer sharedFrame;
    private ByteBuffer clientCommand;
    private final FrameDecoder decoder = new FrameDecoder(64 * 1024);

    /** Builds a 2 KB JSON payload and a masked {@code get_status} command. */
    @Setup
    public void setUp() {
        StringBuilder json = new StringBuilder("{\"type\":\"monitoring_data\",\"seq\":1,\"data\":{\"padding\":\"");
        while (json.length() < 2040) {
            json.append('x');
        }
        json.append("\"}}");
        snapshotJson = ByteBuffer.wrap(json.toString().getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
        sharedFrame = FrameEncoder.sharedText(snapshotJson);
        byte[] command = "{\"type\":\"get_status\"}".getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        ByteBuffer frame = ByteBuffer.allocate(6 + command.length).put((byte) 0x81).put((byte) (0x80 | command.length))
                .put(mask);
        for (int i = 0; i < command.length; i++) {
            frame.put((byte) (command[i] ^ mask[i & 3]));
        }
        clientCommand = frame.flip();
    }

    /**
     * Once per tick and shape: the frame every client shares.
     *
     * @return the frame
     */
    @Benchmark
    public ByteBuffer encodeSharedFrame() {
        return FrameEncoder.sharedText(snapshotJson);
    }

    /**
     * Once per client and tick: the client's own view of the shared frame (no bytes copied).
     *
     * @return the view
     */
    @Benchmark
    public ByteBuffer perClientView() {
        return sharedFrame.slice();
    }

    /**
     * Once per command: decode, unmask and validate a small client text frame.
     *
     * @return whether the payload is valid UTF-8
     * @throws ProtocolException never, the frame is valid
     */
    @Benchmark
    public boolean decodeCommand() throws ProtocolException {
        Frame frame = decoder.decode(clientCommand.duplicate());
        return new Utf8Validator().feed(frame.payload());
    }
}
