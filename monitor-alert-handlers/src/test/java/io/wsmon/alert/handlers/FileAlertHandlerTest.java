package io.wsmon.alert.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertLevel;
import io.wsmon.core.alert.TestAlerts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAlertHandlerTest {

    @TempDir
    Path dir;

    private static Alert numbered(int n) {
        return new Alert(TestAlerts.T0, "memory", "usage_percent", null, 80 + n / 1000.0, 80, AlertLevel.WARNING,
                String.format("alert number %04d", n));
    }

    private static int lineLength() {
        return (AlertText.line(numbered(0)) + "\n").getBytes(StandardCharsets.UTF_8).length;
    }

    /** Every line of the log and its backups, oldest first. */
    private static List<String> allLines(FileAlertHandler handler, int backups) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = backups; i >= 1; i--) {
            if (Files.exists(handler.backup(i))) {
                lines.addAll(Files.readAllLines(handler.backup(i)));
            }
        }
        lines.addAll(Files.readAllLines(handler.file()));
        return lines;
    }

    @Test
    void handle_twoAlerts_appendsOneLineEach() throws Exception {
        try (FileAlertHandler handler = new FileAlertHandler(dir.resolve("logs/alerts.log"))) {
            handler.handle(TestAlerts.memoryWarning());
            handler.handle(TestAlerts.diskCritical());
        }

        assertThat(Files.readAllLines(dir.resolve("logs/alerts.log"))).containsExactly(
                "2026-01-03T10:15:30.123456+01:00 [WARNING] memory usage_percent: High memory usage: 85.5% (threshold: 80.0%)",
                "2026-01-03T10:15:30.123456+01:00 [CRITICAL] disk usage_percent /data: Critical disk usage: 96.2% (threshold: 95.0%)");
    }

    @Test
    void handle_existingFile_isAppendedTo() throws Exception {
        Path file = dir.resolve("alerts.log");
        Files.writeString(file, "earlier line\n");

        try (FileAlertHandler handler = new FileAlertHandler(file)) {
            handler.handle(TestAlerts.memoryWarning());
        }

        assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo("earlier line");
    }

    @Test
    void rotation_tinyMaxSize_keepsEveryLineWholeAndInOrder() throws Exception {
        int line = lineLength();
        FileAlertHandler handler = FileAlertHandler.builder(dir.resolve("alerts.log"))
                .maxFileSize(3L * line + line / 2).backupCount(10).build();

        for (int n = 0; n < 20; n++) {
            handler.handle(numbered(n));
        }
        handler.close();

        List<String> lines = allLines(handler, 10);
        assertThat(lines).hasSize(20);
        for (int n = 0; n < 20; n++) {
            assertThat(lines.get(n)).endsWith(String.format("alert number %04d", n));
        }
        // 20 lines at 3 per file: the current file and 6 backups, each at most the maximum, none split.
        assertThat(handler.backup(6)).exists();
        assertThat(handler.backup(7)).doesNotExist();
        for (int i = 1; i <= 6; i++) {
            assertThat(Files.size(handler.backup(i))).isEqualTo(3L * line);
        }
    }

    @Test
    void rotation_moreFilesThanBackups_deletesTheOldest() throws Exception {
        int line = lineLength();
        FileAlertHandler handler = FileAlertHandler.builder(dir.resolve("alerts.log"))
                .maxFileSize(line).backupCount(2).build();

        for (int n = 0; n < 5; n++) {
            handler.handle(numbered(n));
        }
        handler.close();

        assertThat(allLines(handler, 3)).hasSize(3).last().asString().endsWith("alert number 0004");
        assertThat(Files.readAllLines(handler.backup(2))).singleElement().asString().endsWith("alert number 0002");
        assertThat(handler.backup(3)).doesNotExist();
    }

    @Test
    void rotation_lineLongerThanMax_getsAFileOfItsOwnUnsplit() throws Exception {
        FileAlertHandler handler = FileAlertHandler.builder(dir.resolve("alerts.log")).maxFileSize(10).build();

        handler.handle(numbered(1));
        handler.handle(numbered(2));
        handler.close();

        assertThat(Files.readAllLines(handler.backup(1))).singleElement().asString().endsWith("alert number 0001");
        assertThat(Files.readAllLines(handler.file())).singleElement().asString().endsWith("alert number 0002");
    }

    @Test
    void rotation_concurrentWriters_loseNothing() throws Exception {
        int line = lineLength();
        FileAlertHandler handler = FileAlertHandler.builder(dir.resolve("alerts.log"))
                .maxFileSize(5L * line).backupCount(100).build();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int n = 0; n < 50; n++) {
                        handler.handle(numbered(writer * 1000 + n));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
            handler.close();
        }

        List<String> lines = allLines(handler, 100);
        assertThat(lines).hasSize(200).allMatch(l -> l.matches(".*\\[WARNING\\] memory usage_percent: alert number \\d{4}"));
        assertThat(lines.stream().distinct().count()).isEqualTo(200);
    }

    @Test
    void rotation_failing_stillWritesTheLineAndReportsTheFailure() throws Exception {
        int line = lineLength();
        FileAlertHandler handler = FileAlertHandler.builder(dir.resolve("alerts.log"))
                .maxFileSize(line).backupCount(1).build();
        handler.handle(numbered(1));
        // A non-empty directory where the backup should go makes rotation fail.
        Files.createDirectories(handler.backup(1));
        Files.writeString(handler.backup(1).resolve("blocker"), "x");

        assertThatThrownBy(() -> handler.handle(numbered(2)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("alert written to " + handler.file() + " but rotating it failed");
        handler.close();

        assertThat(Files.readAllLines(handler.file())).hasSize(2).last().asString().endsWith("alert number 0002");
    }

    @Test
    void builder_maxFileSizeZero_isRejected() {
        assertThatThrownBy(() -> FileAlertHandler.builder(dir.resolve("a.log")).maxFileSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxFileSize: must be at least 1 byte, got 0");
    }

    @Test
    void builder_backupCountZero_isRejected() {
        assertThatThrownBy(() -> FileAlertHandler.builder(dir.resolve("a.log")).backupCount(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backupCount: must be at least 1, got 0");
    }

    @Test
    void defaults_areTenMegabytesAndFiveBackups() {
        assertThat(new FileAlertHandler(dir.resolve("a.log")).toString())
                .isEqualTo("FileAlertHandler[file, " + dir.resolve("a.log") + ", max 10485760 bytes, 5 backups]");
    }

    @Test
    void start_settings_appendToThePathAndRotateAtTheSizeKeepingTheBackups() throws Exception {
        Path log = dir.resolve("logs/alerts.log");
        FileAlertHandler handler = new FileAlertHandler();
        // 0.0001 MiB is 104 bytes, less than a line: every line gets a file of its own.
        handler.start(Settings.of("alert.file.path", log.toString(), "alert.file.max_file_size_mb", "0.0001",
                "alert.file.backup_count", "2"));

        for (int n = 1; n <= 4; n++) {
            handler.handle(numbered(n));
        }
        handler.close();

        assertThat(handler.name()).isEqualTo("file");
        assertThat(handler.file()).isEqualTo(log);
        assertThat(Files.readAllLines(log)).singleElement().asString().endsWith("alert number 0004");
        assertThat(Files.readAllLines(handler.backup(2))).singleElement().asString().endsWith("alert number 0002");
        assertThat(handler.backup(3)).doesNotExist();
        assertThat(handler.toString()).isEqualTo("FileAlertHandler[file, " + log + ", max 104 bytes, 2 backups]");
    }

    @Test
    void start_backupCountZeroSetting_failsWithTheBuilderMessageUnderTheKey() {
        assertThatThrownBy(() -> new FileAlertHandler().start(Settings.of("alert.file.path", dir.resolve("a.log").toString(),
                        "alert.file.backup_count", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.file.backup_count: must be at least 1, got 0");
    }

    @Test
    void start_backupCountSettingNotAWholeNumber_failsNamingTheKey() {
        assertThatThrownBy(() -> new FileAlertHandler().start(Settings.of("alert.file.path", dir.resolve("a.log").toString(),
                        "alert.file.backup_count", "five")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.file.backup_count: must be a whole number, got 'five'");
    }

    @Test
    void start_maxFileSizeSettingWithUnit_failsNamingTheKey() {
        assertThatThrownBy(() -> new FileAlertHandler().start(Settings.of("alert.file.path", dir.resolve("a.log").toString(),
                        "alert.file.max_file_size_mb", "10MB")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.file.max_file_size_mb: must be a number of megabytes, got '10MB'");
    }

    @Test
    void start_pathSettingNamingNoFile_failsWithTheBuilderMessageUnderTheKey() {
        assertThatThrownBy(() -> new FileAlertHandler().start(Settings.of("alert.file.path", "/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.file.path: must name a file, got '/'");
    }

    @Test
    void file_noArgumentHandlerNotStarted_failsSayingWhereItsSettingsComeFrom() {
        assertThatThrownBy(() -> new FileAlertHandler().file())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reads its alert.file.* settings in start(context)");
    }

    @Test
    void builder_maxFileSizeSetTwice_isRejectedNamingBothValues() {
        FileAlertHandler.Builder builder = FileAlertHandler.builder(dir.resolve("a.log")).maxFileSize(1024);

        assertThatThrownBy(() -> builder.maxFileSize(2048))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("maxFileSize: already set to 1024, got 2048");
    }

    @Test
    void builder_backupCountSetTwice_isRejectedNamingBothValues() {
        FileAlertHandler.Builder builder = FileAlertHandler.builder(dir.resolve("a.log")).backupCount(3);

        assertThatThrownBy(() -> builder.backupCount(4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("backupCount: already set to 3, got 4");
    }

    @Test
    void builder_nameSetTwice_isRejectedNamingBothValues() {
        FileAlertHandler.Builder builder = FileAlertHandler.builder(dir.resolve("a.log")).name("audit");

        assertThatThrownBy(() -> builder.name("other"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("name: already set to 'audit', got 'other'");
    }

    @Test
    void builder_fileNamingNoFile_isRejected() {
        assertThatThrownBy(() -> FileAlertHandler.builder(Path.of("/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file: must name a file, got '/'");
    }
}
