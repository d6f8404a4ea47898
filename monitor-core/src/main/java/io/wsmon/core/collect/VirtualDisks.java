package io.wsmon.core.collect;

/** Which block device names are not disks worth showing in {@code disk_io}. */
public final class VirtualDisks {

    private VirtualDisks() {}

    /**
     * @param name a device name without {@code /dev/}, for example {@code "sda"}
     * @return whether it is a loop, RAM, compressed-RAM or floppy device
     */
    public static boolean isVirtual(String name) {
        return name.startsWith("loop") || name.startsWith("ram") || name.startsWith("zram") || name.startsWith("fd");
    }
}
