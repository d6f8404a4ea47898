package io.wsmon.gpu;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that keeps what is logged, as {@code "LEVEL message"} lines. */
public final class RecordingLogger {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Logger logger = (Logger) Proxy.newProxyInstance(
            Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                String level = method.getName();
                if (level.startsWith("is")) {
                    return true;
                }
                if (args != null && args.length > 0 && args[0] instanceof String format) {
                    lines.add(level.toUpperCase() + " " + format(format, Arrays.copyOfRange(args, 1, args.length)));
                }
                return null;
            });

    private static String format(String format, Object[] args) {
        Object[] flat = args.length == 1 && args[0] instanceof Object[] array ? array : args;
        return MessageFormatter.arrayFormat(format, flat).getMessage();
    }

    /** @return the logger to hand to the code under test */
    public Logger logger() {
        return logger;
    }

    /** @return a copy of the lines logged so far */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
