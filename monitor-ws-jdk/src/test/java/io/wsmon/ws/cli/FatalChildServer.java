package io.wsmon.ws.cli;

import io.wsmon.ws.testkit.ChildServer;

/** {@link ChildServer} with the server command's handling of fatal errors, for a test in a child JVM. */
public final class FatalChildServer {

    private FatalChildServer() {}

    /**
     * @param args as {@link ChildServer#main}
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        FatalErrors.install();
        ChildServer.main(args);
    }
}
