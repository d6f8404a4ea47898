package io.wsmon.core.collect;

/**
 * What {@code statvfs} says of the file system holding a path, in bytes and file nodes.
 *
 * @param totalBytes the size of the file system
 * @param availableBytes what an unprivileged user may still write
 * @param unallocatedBytes the blocks not in use, those reserved for root included
 * @param inodes the file nodes in all; {@code -1} when unknown or not fixed (btrfs, network file systems)
 * @param freeInodes the file nodes not in use; {@code -1} when {@code inodes} is
 */
record FileSystemUsage(long totalBytes, long availableBytes, long unallocatedBytes, long inodes, long freeInodes) {

    /** @return whether the file node counts are known */
    boolean hasInodes() {
        return inodes > 0;
    }
}
