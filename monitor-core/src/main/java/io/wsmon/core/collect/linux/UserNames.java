package io.wsmon.core.collect.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * User names by user id, from the {@code passwd} file (read straight, not through NSS, which may ask a
 * directory server and hang the collection thread). Re-read at most once a minute when an unknown id
 * turns up; an id without a name is shown as the number.
 */
final class UserNames {

    private static final double RELOAD_AFTER_SECONDS = 60;

    private final Path passwd;
    private Map<Long, String> names = Map.of();
    private double loadedAt = Double.NEGATIVE_INFINITY;

    UserNames(Path passwd) {
        this.passwd = passwd;
    }

    /**
     * @param uid a user id
     * @param now seconds on a steady clock (uptime), to pace re-reading
     * @return the user's name, or the id as text when unknown
     */
    String nameOf(long uid, double now) {
        String name = names.get(uid);
        if (name == null && now - loadedAt >= RELOAD_AFTER_SECONDS) {
            load();
            loadedAt = now;
            name = names.get(uid);
        }
        return name != null ? name : Long.toString(uid);
    }

    private void load() {
        Map<Long, String> loaded = new HashMap<>();
        try {
            for (String line : Files.readAllLines(passwd, StandardCharsets.UTF_8)) {
                String[] fields = line.split(":", 4);
                if (fields.length >= 3 && !line.startsWith("#")) {
                    try {
                        loaded.putIfAbsent(Long.parseLong(fields[2]), fields[0]);
                    } catch (NumberFormatException e) {
                        // a malformed line names no one
                    }
                }
            }
        } catch (IOException e) {
            // no passwd file: ids are shown as numbers
        }
        names = loaded;
    }
}
