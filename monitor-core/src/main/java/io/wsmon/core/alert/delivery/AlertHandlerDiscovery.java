package io.wsmon.core.alert.delivery;

import io.wsmon.api.AlertHandler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds {@link AlertHandler}s listed in {@code META-INF/services/io.wsmon.api.AlertHandler} on the class path.
 * A provider that cannot be loaded or created (missing class, constructor that throws, missing dependency)
 * is logged and skipped, so one broken jar does not take the other handlers down.
 */
public final class AlertHandlerDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(AlertHandlerDiscovery.class);
    /** Bounds the walk in case a broken provider keeps the iterator from advancing. */
    private static final int MAX_PROVIDERS = 1000;

    private AlertHandlerDiscovery() {}

    /**
     * Creates one instance of every handler listed for a class loader.
     *
     * @param loader where to look, for example {@code Thread.currentThread().getContextClassLoader()}
     * @return the handlers that could be created, in class path order
     */
    public static List<AlertHandler> discover(ClassLoader loader) {
        List<AlertHandler> found = new ArrayList<>();
        Iterator<AlertHandler> providers = ServiceLoader.load(AlertHandler.class, loader).iterator();
        for (int attempt = 0; attempt < MAX_PROVIDERS; attempt++) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                AlertHandler handler = providers.next();
                LOG.debug("discovered alert handler '{}' ({})", handler.name(), handler.getClass().getName());
                found.add(handler);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                LOG.warn("skipped an alert handler that could not be created: {}", describe(e), e);
            }
        }
        return found;
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return e.getMessage() + (cause == e ? "" : " (" + FailureLog.describe(cause) + ")");
    }
}
