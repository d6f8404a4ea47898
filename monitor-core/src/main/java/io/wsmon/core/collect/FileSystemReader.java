package io.wsmon.core.collect;

import java.io.IOException;
import java.nio.file.FileStore;

/**
 * Reads the usage of a file system: {@link StatvfsReader} on Linux, which gives space and file nodes in
 * one system call; elsewhere, or where JNA cannot load, {@link FileStore}, which makes one call per figure
 * and has no file node counts.
 */
interface FileSystemReader {

    /**
     * @param path a path on the file system
     * @param store the file store holding it
     * @return its usage
     * @throws IOException when the file system cannot be read
     */
    FileSystemUsage read(String path, FileStore store) throws IOException;

    /** @return the best reader for this platform */
    static FileSystemReader forPlatform() {
        if (System.getProperty("os.name", "").startsWith("Linux")) {
            try {
                return new StatvfsReader();
            } catch (LinkageError e) {
                // JNA cannot load here: FileStore still gives the space
            }
        }
        return FileSystemReader::ofStore;
    }

    /** Usage through {@link FileStore}, without file node counts. */
    static FileSystemUsage ofStore(String path, FileStore store) throws IOException {
        return new FileSystemUsage(store.getTotalSpace(), store.getUsableSpace(), store.getUnallocatedSpace(), -1, -1);
    }
}
