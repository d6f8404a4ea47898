package io.wsmon.ws.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/** Whether standard output is a terminal, which decides the default view and the use of colours. */
final class Terminal {

    private Terminal() {}

    /**
     * @return whether standard input and output are a terminal. On JDK 22 and later {@link System#console()}
     *     exists even when output is redirected, so its {@code isTerminal()} is asked as well.
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 17 to 21: a console exists only on a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /**
     * @param environment the process environment
     * @return whether to use escape codes: on a terminal, unless {@code NO_COLOR} is set
     */
    static boolean isColourTerminal(Map<String, String> environment) {
        return isTerminal() && !environment.containsKey("NO_COLOR");
    }
}
