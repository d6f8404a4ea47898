package io.wsmon.core.format;

import java.time.Duration;
import java.util.Locale;

/** Numbers with units, for people: {@code 1.5 GB}, {@code 12.3%}, {@code 3d 4h 5m}. */
public final class Units {

    private static final String[] BYTE_UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private Units() {}

    /**
     * @param bytes a size in bytes
     * @return the size in the largest binary unit that keeps it at or above 1, one decimal
     */
    public static String bytes(double bytes) {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f B", value)
                : String.format(Locale.ROOT, "%.1f %s", value, BYTE_UNITS[unit]);
    }

    /**
     * @param percent a percentage
     * @return it with one decimal and a percent sign
     */
    public static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }

    /**
     * @param duration a duration
     * @return it in days, hours, minutes and seconds, largest units first, zero units left out
     */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86400;
        long hours = seconds % 86400 / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append("d ");
        }
        if (hours > 0) {
            text.append(hours).append("h ");
        }
        if (minutes > 0) {
            text.append(minutes).append("m ");
        }
        if (secs > 0 || text.length() == 0) {
            text.append(secs).append('s');
        }
        return text.toString().trim();
    }
}
