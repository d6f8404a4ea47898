package io.wsmon.core.collect;

import java.util.Map;

/**
 * A monitor value that fills several sections at once. When a monitor's {@code collect} returns a
 * bundle, the service puts each of its entries into the snapshot under its own name instead of one
 * section under the monitor's name: the disk monitor fills {@code disk} and {@code disks} this way.
 *
 * @param sections section name to value, in the order they should appear
 */
public record SectionBundle(Map<String, Object> sections) {

    /** Copies the map so the record stays immutable; order is kept. */
    public SectionBundle {
        sections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sections));
    }
}
