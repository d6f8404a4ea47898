package io.wsmon.alert.handlers;

import io.wsmon.api.Alert;
import io.wsmon.api.AlertHandler;
import io.wsmon.api.AlertLevel;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Prints each alert as one line on standard output, as the seed's {@code ConsoleAlertHandler}: yellow for
 * WARNING, red for CRITICAL. Plain text when the output is not a terminal or the {@code NO_COLOR}
 * environment variable is set (<a href="https://no-color.org">no-color.org</a>).
 *
 * <p>Has a public no-argument constructor, so it can also be listed in
 * {@code META-INF/services/io.wsmon.api.AlertHandler}.
 */
public final class ConsoleAlertHandler implements AlertHandler {

    static final String YELLOW = "\u001B[33m";
    static final String RED = "\u001B[31m";
    static final String RESET = "\u001B[0m";

    private final String name;
    private final PrintStream out;
    private final boolean colour;

    /** Prints to {@code System.out}, in colour when it is a terminal and {@code NO_COLOR} is not set. */
    public ConsoleAlertHandler() {
        this("console", System.out, ConsoleAlertHandler::systemConsoleIsTerminal, System.getenv());
    }

    /**
     * @param name the handler's name
     * @param out where to print
     * @param isTerminal whether {@code out} is an interactive terminal
     * @param environment the environment variables, checked for {@code NO_COLOR}
     * @throws IllegalArgumentException when the name is blank
     */
    public ConsoleAlertHandler(String name, PrintStream out, BooleanSupplier isTerminal, Map<String, String> environment) {
        this.name = Options.notBlank("name", name);
        this.out = Objects.requireNonNull(out, "out");
        this.colour = useColour(isTerminal.getAsBoolean(), environment);
    }

    /**
     * @param isTerminal whether the output is an interactive terminal
     * @param environment the environment variables
     * @return true when both hold: a terminal, and {@code NO_COLOR} absent or empty
     */
    static boolean useColour(boolean isTerminal, Map<String, String> environment) {
        String noColour = environment.get("NO_COLOR");
        return isTerminal && (noColour == null || noColour.isEmpty());
    }

    /**
     * Up to JDK 21 {@code System.console()} is null unless the JVM runs in a terminal. From JDK 22 it is
     * never null and {@code Console.isTerminal()} (absent from our Java 17 API) tells; we call it when present.
     */
    static boolean systemConsoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            MethodHandle isTerminal = MethodHandles.publicLookup()
                    .findVirtual(Console.class, "isTerminal", MethodType.methodType(boolean.class));
            return (boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    /** @return whether lines are coloured */
    public boolean coloured() {
        return colour;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void handle(Alert alert) throws IOException {
        String line = AlertText.line(alert);
        if (colour) {
            line = (alert.level() == AlertLevel.CRITICAL ? RED : YELLOW) + line + RESET;
        }
        out.println(line);
        if (out.checkError()) {
            throw new IOException("cannot write to the console output");
        }
    }

    @Override
    public String toString() {
        return "ConsoleAlertHandler[" + name + (colour ? ", colour" : ", plain") + "]";
    }
}
