package io.wsmon.core.collect.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TCP count on a fixture {@code /proc/self}: which sockets count, and when the tables are read again. */
class ProcessSocketsTest {

    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode\n";

    @TempDir
    Path self;

    private ProcessSockets sockets;

    @BeforeEach
    void process() throws Exception {
        Files.createDirectories(self.resolve("fd"));
        Files.createDirectories(self.resolve("net"));
        socket(3, 100);
        socket(4, 200);
        tcp(line(100, "01"), line(200, "0A"), line(300, "01"));
        LinuxFixture.write(self, "net/tcp6", HEADER);
        sockets = new ProcessSockets(self);
    }

    @Test
    void connections_countOnlyTheProcesssSockets_notItsListener() throws Exception {
        assertThat(sockets.connections()).hasValue(1);
    }

    @Test
    void connections_sameSockets_keepTheLastCountUntilTheRecount() throws Exception {
        assertThat(sockets.connections()).hasValue(1);
        tcp(line(100, "01"), line(200, "01"));

        for (int call = 1; call < ProcessSockets.RECOUNT_EVERY; call++) {
            assertThat(sockets.connections()).as("call %d", call).hasValue(1);
        }
        assertThat(sockets.connections()).as("the recount").hasValue(2);
    }

    @Test
    void connections_newSocket_countsAgainAtOnce() throws Exception {
        assertThat(sockets.connections()).hasValue(1);
        socket(5, 300);

        assertThat(sockets.connections()).hasValue(2);
    }

    private void socket(int fd, long inode) throws Exception {
        Files.createSymbolicLink(self.resolve("fd/" + fd), Path.of("socket:[" + inode + "]"));
    }

    private void tcp(String... lines) {
        LinuxFixture.write(self, "net/tcp", HEADER + String.join("", lines));
    }

    private static String line(long inode, String state) {
        return "   0: 0100007F:8E67 0100007F:9000 " + state
                + " 00000000:00000000 00:00000000 00000000     0        0 " + inode + " 1 000000008b5a7f32 100 0 0 10 0\n";
    }
}
