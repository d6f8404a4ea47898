package io.wsmon.alert.handlers;

import io.wsmon.api.MonitorContext;
import io.wsmon.api.MonitorUnavailableException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The settings of one built-in handler: the service settings whose key starts with {@code alert.<kind>.},
 * applied to the handler's builder so that a value goes through the same check as in code. Every failure is an
 * {@link IllegalArgumentException} whose message starts with the key: a builder's {@link InvalidOption} comes
 * out as {@code key: problem, got value}, any other failure as the key followed by its message.
 *
 * <p>When no key under the prefix is set at all, the handler is simply not configured:
 * {@link #required} throws {@link MonitorUnavailableException}. When some are set, a missing required key, an
 * unknown key or a bad value is an error.
 */
final class HandlerSettings {

    private final String prefix;
    private final Map<String, String> values = new TreeMap<>();

    private HandlerSettings(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Reads a handler's settings and rejects the keys it does not know.
     *
     * @param context the service's settings
     * @param kind the handler's kind, for example {@code email}: its keys start with {@code alert.email.}
     * @param names the handler's setting names without the prefix; a name ending in a dot, such as
     *     {@code header.}, stands for every key below it
     * @return the handler's settings
     * @throws IllegalArgumentException naming a key under the prefix that is not one of {@code names}
     */
    static HandlerSettings read(MonitorContext context, String kind, String... names) {
        HandlerSettings settings = new HandlerSettings("alert." + kind + ".");
        context.settings().forEach((key, value) -> {
            if (key.startsWith(settings.prefix)) {
                settings.values.put(key, value);
            }
        });
        for (String key : settings.values.keySet()) {
            String name = key.substring(settings.prefix.length());
            if (Arrays.stream(names).noneMatch(known -> known.endsWith(".")
                    ? name.startsWith(known) && name.length() > known.length()
                    : name.equals(known))) {
                throw new IllegalArgumentException(key + ": unknown setting of the " + kind
                        + " alert handler; known settings: " + Arrays.stream(names)
                                .map(known -> settings.prefix + known + (known.endsWith(".") ? "<name>" : ""))
                                .collect(Collectors.joining(", ")));
            }
        }
        return settings;
    }

    /**
     * Hands the value of a setting the handler cannot do without to the builder.
     *
     * @param name the setting's name without the prefix, for example {@code url}
     * @param use what to do with the value, for example {@code WebhookAlertHandler::builder}
     * @param <T> what {@code use} returns
     * @return what {@code use} returned
     * @throws MonitorUnavailableException when the handler has no setting at all: it is not configured
     * @throws IllegalArgumentException when other settings of the handler are set but not this one, or the
     *     value is bad
     */
    <T> T required(String name, Function<String, T> use) throws MonitorUnavailableException {
        String key = prefix + name;
        String value = values.get(key);
        if (value == null) {
            if (values.isEmpty()) {
                throw new MonitorUnavailableException(key + " is not set");
            }
            throw new IllegalArgumentException(key + " is not set, but " + String.join(", ", values.keySet())
                    + (values.size() == 1 ? " is" : " are"));
        }
        return apply(key, () -> use.apply(value));
    }

    /**
     * Hands the value of a setting to the builder, when it is set.
     *
     * @param name the setting's name without the prefix
     * @param use what to do with the value, for example {@code builder::channel}
     */
    void optional(String name, Consumer<String> use) {
        optional(name, Function.identity(), use);
    }

    /**
     * Parses the value of a setting and hands it to the builder, when it is set.
     *
     * @param name the setting's name without the prefix
     * @param parse turns the text into a value, for example {@link SettingValues#seconds}
     * @param use what to do with the value, for example {@code builder::timeout}
     * @param <V> the value's type
     */
    <V> void optional(String name, Function<String, V> parse, Consumer<V> use) {
        String key = prefix + name;
        String value = values.get(key);
        if (value != null) {
            apply(key, () -> {
                use.accept(parse.apply(value));
                return null;
            });
        }
    }

    /**
     * Hands two settings that only make sense together to the builder, when both are set.
     *
     * @param first the first setting's name without the prefix, for example {@code username}
     * @param second the second one's, for example {@code password}
     * @param use what to do with the two values; a failure is reported under the first key
     * @throws IllegalArgumentException naming the missing key when only one of them is set
     */
    void both(String first, String second, BiConsumer<String, String> use) {
        String firstValue = values.get(prefix + first);
        String secondValue = values.get(prefix + second);
        if (firstValue == null && secondValue == null) {
            return;
        }
        if (firstValue == null || secondValue == null) {
            String missing = prefix + (firstValue == null ? first : second);
            String present = prefix + (firstValue == null ? second : first);
            throw new IllegalArgumentException(missing + " is not set, but " + present + " is: give both or neither");
        }
        apply(prefix + first, () -> {
            use.accept(firstValue, secondValue);
            return null;
        });
    }

    /**
     * Hands every setting below a name to the builder, for example each {@code alert.webhook.header.<Name>}.
     *
     * @param family the name below which the keys are, with its final dot, for example {@code header.}
     * @param use called with the rest of the key (for example {@code Authorization}) and the value
     */
    void each(String family, BiConsumer<String, String> use) {
        String start = prefix + family;
        values.forEach((key, value) -> {
            if (key.startsWith(start)) {
                apply(key, () -> {
                    use.accept(key.substring(start.length()), value);
                    return null;
                });
            }
        });
    }

    private static <T> T apply(String key, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidOption e) {
            throw new IllegalArgumentException(key + ": " + e.problem(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
