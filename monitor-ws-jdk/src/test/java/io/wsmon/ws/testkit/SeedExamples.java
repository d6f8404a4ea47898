package io.wsmon.ws.testkit;

/** The client examples of the seed README, verbatim; they connect to {@code ws://localhost:8765}. */
public final class SeedExamples {

    /** The Python client of the seed README, §5 "Connecting to the Server". */
    public static final String PYTHON = """
            import asyncio
            import websockets
            import json

            async def client():
                async with websockets.connect('ws://localhost:8765') as websocket:
                    while True:
                        data = await websocket.recv()
                        message = json.loads(data)
                        print(f"Received: {message}")

            asyncio.run(client())
            """;

    /** The JavaScript client of the seed README, §5 "Connecting to the Server". */
    public static final String JAVASCRIPT = """
            const ws = new WebSocket('ws://localhost:8765');

            ws.onopen = () => {
                console.log('Connected to monitoring server');
            };

            ws.onmessage = (event) => {
                const data = JSON.parse(event.data);
                console.log('Data received:', data);
            };

            ws.onerror = (error) => {
                console.error('WebSocket error:', error);
            };
            """;

    private SeedExamples() {}

    /**
     * An example pointed at another port, the only change the tests make.
     *
     * @param example one of the examples
     * @param port the test server's port
     * @return the example with {@code 8765} replaced
     */
    public static String onPort(String example, int port) {
        return example.replace("8765", Integer.toString(port));
    }
}
