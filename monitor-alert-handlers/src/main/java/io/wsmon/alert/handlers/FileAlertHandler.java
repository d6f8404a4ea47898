package io.wsmon.alert.handlers;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Appends each alert as one line to a file, as the seed's {@code FileAlertHandler}, and rotates the file by
 * size: when the next line would take it past the maximum (10 MB by default), {@code alerts.log} becomes
 * {@code alerts.log.1}, {@code .1} becomes {@code .2} and so on up to the backup count (5 by default), the
 * oldest is deleted, and the line starts a new file. A line is never split across files; a line longer than
 * the maximum gets a file of its own. If rotating fails the line is still appended to the current file and
 * the delivery reported as failed, so no alert is lost.
 *
 * <pre>{@code
 * FileAlertHandler.builder(Path.of("alerts.log")).maxFileSize(10 * 1024 * 1024).backupCount(5).build();
 * }</pre>
 *
 * <p>Made with the no-argument constructor (as {@link java.util.ServiceLoader} does when the class is listed in
 * {@code META-INF/services/io.wsmon.api.AlertHandler}), the handler is named {@code file} and reads these service
 * settings in {@link #start}, checked as the builder checks them:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code alert.file.path}</td><td>the log file; its directory is created when missing. Without it
 *       the handler is not configured and is left out</td><td>required</td></tr>
 *   <tr><td>{@code alert.file.max_file_size_mb}</td><td>the size in MiB past which the file is rotated; a
 *       decimal number, at least one byte</td><td>{@code 10}</td></tr>
 *   <tr><td>{@code alert.file.backup_count}</td><td>how many rotated files to keep; at least 1</td>
 *       <td>{@code 5}</td></tr>
 * </table>
 *
 * <p>Thread-safe: lines from concurrent calls never interleave.
 */
public final class FileAlertHandler implements AlertHandler {

    /** Default size at which the file is rotated: 10 MB (SPEC §7). */
    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;
    /** Default number of numbered backups kept. */
    public static final int DEFAULT_BACKUP_COUNT = 5;

    private static final String KIND = "file";

    private final String name;
    private final Configuration<Rotation> rotation;
    private FileChannel channel;
    private long size;

    /**
     * The file and how it rotates.
     *
     * @param file the log file
     * @param maxFileSize the size in bytes past which it is rotated
     * @param backupCount how many rotated files are kept
     */
    private record Rotation(Path file, long maxFileSize, int backupCount) {
        @Override
        public String toString() {
            return file + ", max " + maxFileSize + " bytes, " + backupCount + " backups";
        }
    }

    /** A handler named {@code file} that reads its {@code alert.file.*} settings in {@link #start}. */
    public FileAlertHandler() {
        this.name = KIND;
        this.rotation = Configuration.fromSettings(KIND);
    }

    /**
     * A handler named {@code "file"} with the default rotation.
     *
     * @param file the log file; its directory is created when missing
     */
    public FileAlertHandler(Path file) {
        this(builder(file));
    }

    private FileAlertHandler(Builder builder) {
        this.name = builder.name == null ? KIND : builder.name;
        this.rotation = Configuration.of(KIND, builder.rotation());
    }

    /**
     * @param file the log file; its directory is created when missing
     * @return a builder
     */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Reads the {@code alert.file.*} settings, when the handler was made with the no-argument constructor. The
     * file is opened at the first alert.
     *
     * @param context the service's settings
     * @throws MonitorUnavailableException when no {@code alert.file.*} setting is given: not configured
     * @throws IllegalArgumentException naming the key of a missing, unknown or bad setting
     */
    @Override
    public void start(MonitorContext context) throws MonitorUnavailableException {
        rotation.start(context, FileAlertHandler::fromSettings);
    }

    private static Rotation fromSettings(MonitorContext context) throws MonitorUnavailableException {
        HandlerSettings settings = HandlerSettings.read(context, KIND, "path", "max_file_size_mb", "backup_count");
        Builder builder = settings.required("path", path -> builder(Path.of(path)));
        settings.optional("max_file_size_mb", SettingValues::megabytes, builder::maxFileSize);
        settings.optional("backup_count", SettingValues::wholeNumber, builder::backupCount);
        return builder.rotation();
    }

    /**
     * @return the log file
     * @throws IllegalStateException when made with the no-argument constructor and not started
     */
    public Path file() {
        return rotation.get().file();
    }

    /**
     * @param index 1 for the newest backup
     * @return the path of that backup, for example {@code alerts.log.1}
     * @throws IllegalStateException when made with the no-argument constructor and not started
     */
    public Path backup(int index) {
        Path file = file();
        return file.resolveSibling(file.getFileName() + "." + index);
    }

    /**
     * Appends the alert's line, rotating the file first when the line would take it past the maximum size.
     *
     * @throws IOException when the line cannot be written, or was written but rotating failed
     * @throws IllegalStateException when made with the no-argument constructor and not started
     */
    @Override
    public synchronized void handle(Alert alert) throws IOException {
        Rotation current = rotation.get();
        byte[] line = (AlertText.line(alert) + "\n").getBytes(StandardCharsets.UTF_8);
        if (channel == null) {
            open(current.file());
        }
        IOException rotationFailure = null;
        if (size > 0 && size + line.length > current.maxFileSize()) {
            try {
                rotate(current);
            } catch (IOException e) {
                rotationFailure = e;
                if (channel == null) {
                    open(current.file());
                }
            }
        }
        write(line);
        if (rotationFailure != null) {
            throw new IOException("alert written to " + current.file() + " but rotating it failed: " + rotationFailure,
                    rotationFailure);
        }
    }

    private void open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        size = channel.size();
    }

    private void rotate(Rotation current) throws IOException {
        channel.close();
        channel = null;
        Files.deleteIfExists(backup(current.backupCount()));
        for (int i = current.backupCount() - 1; i >= 1; i--) {
            if (Files.exists(backup(i))) {
                Files.move(backup(i), backup(i + 1));
            }
        }
        Files.move(current.file(), backup(1));
        open(current.file());
    }

    private void write(byte[] line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        size += line.length;
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    @Override
    public String toString() {
        return "FileAlertHandler[" + name + ", " + rotation + "]";
    }

    /**
     * Configures a {@link FileAlertHandler}. Each setter checks its value at once and may be called only once; a
     * bad value fails as {@code option: problem, got value}.
     */
    public static final class Builder {
        private final Path file;
        private String name;
        private Long maxFileSize;
        private Integer backupCount;

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
            if (file.getFileName() == null) {
                throw Options.invalid("file", "must name a file", file.toString());
            }
        }

        /**
         * @param value the handler's name; default {@code "file"}
         * @return this builder
         * @throws IllegalArgumentException when blank
         * @throws IllegalStateException when already set
         */
        public Builder name(String value) {
            Options.once("name", name, value);
            name = Options.notBlank("name", value);
            return this;
        }

        /**
         * @param bytes the size past which the file is rotated; default 10 MB, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         * @throws IllegalStateException when already set
         */
        public Builder maxFileSize(long bytes) {
            Options.once("maxFileSize", maxFileSize, bytes);
            if (bytes < 1) {
                throw Options.invalid("maxFileSize", "must be at least 1 byte", bytes);
            }
            maxFileSize = bytes;
            return this;
        }

        /**
         * @param count how many rotated files to keep ({@code .1} newest); default 5, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         * @throws IllegalStateException when already set
         */
        public Builder backupCount(int count) {
            Options.once("backupCount", backupCount, count);
            if (count < 1) {
                throw Options.invalid("backupCount", "must be at least 1", count);
            }
            backupCount = count;
            return this;
        }

        /** @return the handler; the file is opened at the first alert */
        public FileAlertHandler build() {
            return new FileAlertHandler(this);
        }

        private Rotation rotation() {
            return new Rotation(file, maxFileSize == null ? DEFAULT_MAX_FILE_SIZE : maxFileSize,
                    backupCount == null ? DEFAULT_BACKUP_COUNT : backupCount);
        }
    }
}
