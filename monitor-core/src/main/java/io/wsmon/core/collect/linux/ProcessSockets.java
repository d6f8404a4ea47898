package io.wsmon.core.collect.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Counts this process's TCP connections: {@code /proc/self/net/tcp} and {@code tcp6} list every TCP
 * socket of the network namespace, so an entry counts only when its inode is one of the sockets among
 * {@code /proc/self/fd}. Listening sockets are not connections and are left out.
 *
 * <p>Reading those tables makes the kernel walk its whole connection hash, a few milliseconds however few
 * sockets there are, so the last count is kept while the process's socket descriptors stay the same. A
 * socket that connects or starts listening keeps its descriptor, so every {@value #RECOUNT_EVERY}th call
 * reads the tables anyway.
 */
final class ProcessSockets {

    private static final String SOCKET_LINK = "socket:[";
    static final int RECOUNT_EVERY = 12;

    private final Path fdDir;
    private final ProcFile tcp;
    private final ProcFile tcp6;
    private long[] inodes = new long[64];
    private long[] countedInodes = new long[0];
    private int callsSinceCount;
    private OptionalInt lastCount = OptionalInt.empty();

    /**
     * @param self the process's {@code /proc} directory, {@code /proc/self}
     */
    ProcessSockets(Path self) {
        this.fdDir = self.resolve("fd");
        this.tcp = new ProcFile(self.resolve("net/tcp"));
        this.tcp6 = new ProcFile(self.resolve("net/tcp6"));
    }

    /**
     * @return the TCP connections of the process; empty when {@code /proc/self/net/tcp} cannot be read
     * @throws IOException when the descriptor table cannot be read
     */
    synchronized OptionalInt connections() throws IOException {
        int count = socketInodes();
        Arrays.sort(inodes, 0, count);
        boolean sameSockets = Arrays.equals(inodes, 0, count, countedInodes, 0, countedInodes.length);
        if (sameSockets && lastCount.isPresent() && ++callsSinceCount < RECOUNT_EVERY) {
            return lastCount;
        }
        lastCount = readTables(count);
        countedInodes = Arrays.copyOf(inodes, count);
        callsSinceCount = 0;
        return lastCount;
    }

    private OptionalInt readTables(int count) throws IOException {
        int connections;
        try {
            connections = ProcParsers.tcpConnections(tcp.read(), inodes, count);
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        try {
            connections += ProcParsers.tcpConnections(tcp6.read(), inodes, count);
        } catch (NoSuchFileException e) {
            // a kernel without IPv6 has no tcp6 table, and no IPv6 sockets
        }
        return OptionalInt.of(connections);
    }

    /** Fills {@link #inodes} with the inodes of the process's sockets; returns how many. */
    private int socketInodes() throws IOException {
        int count = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue; // closed since the listing
                }
                if (target.startsWith(SOCKET_LINK) && target.endsWith("]")) {
                    if (count == inodes.length) {
                        inodes = Arrays.copyOf(inodes, count * 2);
                    }
                    inodes[count++] = Long.parseLong(target, SOCKET_LINK.length(), target.length() - 1, 10);
                }
            }
        }
        return count;
    }
}
