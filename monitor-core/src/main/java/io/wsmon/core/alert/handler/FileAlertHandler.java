package io.wsmon.core.alert.handler;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
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
 * <p>Thread-safe: lines from concurrent calls never interleave.
 */
public final class FileAlertHandler implements AlertHandler {

    /** Default size at which the file is rotated: 10 MB (SPEC §7). */
    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;
    /** Default number of numbered backups kept. */
    public static final int DEFAULT_BACKUP_COUNT = 5;

    private final String name;
    private final Path file;
    private final long maxFileSize;
    private final int backupCount;
    private FileChannel channel;
    private long size;

    /**
     * A handler named {@code "file"} with the default rotation.
     *
     * @param file the log file; its directory is created when missing
     */
    public FileAlertHandler(Path file) {
        this(builder(file));
    }

    private FileAlertHandler(Builder builder) {
        this.name = builder.name;
        this.file = builder.file;
        this.maxFileSize = builder.maxFileSize;
        this.backupCount = builder.backupCount;
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

    /** @return the log file */
    public Path file() {
        return file;
    }

    /**
     * @param index 1 for the newest backup
     * @return the path of that backup, for example {@code alerts.log.1}
     */
    public Path backup(int index) {
        return file.resolveSibling(file.getFileName() + "." + index);
    }

    @Override
    public synchronized void handle(Alert alert) throws IOException {
        byte[] line = (AlertText.line(alert) + "\n").getBytes(StandardCharsets.UTF_8);
        if (channel == null) {
            open();
        }
        IOException rotationFailure = null;
        if (size > 0 && size + line.length > maxFileSize) {
            try {
                rotate();
            } catch (IOException e) {
                rotationFailure = e;
                if (channel == null) {
                    open();
                }
            }
        }
        write(line);
        if (rotationFailure != null) {
            throw new IOException("alert written to " + file + " but rotating it failed: " + rotationFailure,
                    rotationFailure);
        }
    }

    private void open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        size = channel.size();
    }

    private void rotate() throws IOException {
        channel.close();
        channel = null;
        Files.deleteIfExists(backup(backupCount));
        for (int i = backupCount - 1; i >= 1; i--) {
            if (Files.exists(backup(i))) {
                Files.move(backup(i), backup(i + 1));
            }
        }
        Files.move(file, backup(1));
        open();
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
        return "FileAlertHandler[" + name + ", " + file + ", max " + maxFileSize + " bytes, " + backupCount + " backups]";
    }

    /** Configures a {@link FileAlertHandler}; each setter checks its value at once. */
    public static final class Builder {
        private final Path file;
        private String name = "file";
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private int backupCount = DEFAULT_BACKUP_COUNT;

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
            if (file.getFileName() == null) {
                throw new IllegalArgumentException("alert log file '" + file + "' names no file");
            }
        }

        /**
         * @param value the handler's name; default {@code "file"}
         * @return this builder
         */
        public Builder name(String value) {
            name = Options.notBlank("alert handler name", value);
            return this;
        }

        /**
         * @param bytes the size past which the file is rotated; default 10 MB, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxFileSize(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("alert log maxFileSize must be at least 1 byte, got " + bytes);
            }
            maxFileSize = bytes;
            return this;
        }

        /**
         * @param count how many rotated files to keep ({@code .1} newest); default 5, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder backupCount(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("alert log backupCount must be at least 1, got " + count);
            }
            backupCount = count;
            return this;
        }

        /** @return the handler; the file is opened at the first alert */
        public FileAlertHandler build() {
            return new FileAlertHandler(this);
        }
    }
}
