package io.wsmon.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds extensions listed in {@code META-INF/services}. A provider that cannot be loaded or created is
 * logged and skipped, so one broken jar never takes the others down.
 */
public final class Extensions {

    private static final Logger log = LoggerFactory.getLogger(Extensions.class);
    private static final int MAX_PROVIDERS = 1000;

    private Extensions() {}

    /**
     * Creates every provider of a service type that can be created.
     *
     * @param type the service interface, for example {@code io.wsmon.api.Exporter}
     * @param loader where to look
     * @param <T> the service type
     * @return the providers in class-path order, without the ones that failed
     */
    public static <T> List<T> load(Class<T> type, ClassLoader loader) {
        List<T> found = new ArrayList<>();
        Iterator<T> providers = ServiceLoader.load(type, loader).iterator();
        for (int i = 0; i < MAX_PROVIDERS; i++) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                found.add(providers.next());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                log.warn("skipping a {} provider that cannot be loaded: {}", type.getSimpleName(), e.getMessage(), e);
            }
        }
        return found;
    }
}
