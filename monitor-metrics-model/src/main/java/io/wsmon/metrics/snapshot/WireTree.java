package io.wsmon.metrics.snapshot;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A section value as the JSON encoder sees it: a record becomes a map of its snake_case component names
 * (as Jackson's {@code SNAKE_CASE} strategy spells them), {@code null} components are left out, maps keep
 * their keys, collections and arrays become lists; numbers, booleans, text and times stay as they are.
 * Values of any other class are left out.
 */
final class WireTree {

    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] parts = type.getRecordComponents();
            Component[] components = new Component[parts.length];
            for (int i = 0; i < parts.length; i++) {
                Method accessor = parts[i].getAccessor();
                accessor.trySetAccessible();
                components[i] = new Component(snakeCase(parts[i].getName()), accessor);
            }
            return components;
        }
    };

    private WireTree() {}

    /**
     * Converts one value.
     *
     * @param value a section value or part of one
     * @return a {@code Map<String, Object>}, a {@code List<Object>}, a {@link Number}, a {@link Boolean}, a
     *     {@link String}, a {@link TemporalAccessor}, or {@code null} when the value has no wire form
     */
    static Object of(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String
                || value instanceof TemporalAccessor) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Record record) {
            return record(record);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> put(out, String.valueOf(k), of(v)));
            return out;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> out = new ArrayList<>(collection.size());
            collection.forEach(v -> out.add(of(v)));
            return out;
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> out = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                out.add(of(Array.get(value, i)));
            }
            return out;
        }
        return null;
    }

    private static Map<String, Object> record(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Component component : COMPONENTS.get(record.getClass())) {
            put(out, component.name(), of(component.read(record)));
        }
        return out;
    }

    private static void put(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    /**
     * Jackson's {@code SNAKE_CASE}: an upper-case letter becomes an underscore and its lower case, except
     * right after another upper-case letter ({@code ioTimeMS} is {@code io_time_ms}).
     */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        boolean previousUpper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (!previousUpper && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
                previousUpper = true;
            } else {
                out.append(c);
                previousUpper = false;
            }
        }
        return out.toString();
    }

    private record Component(String name, Method accessor) {
        Object read(Record record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                return null;
            }
        }
    }
}
