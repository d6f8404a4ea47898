package io.wsmon.ws.cli;

import io.wsmon.ws.handshake.HostPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the text of a setting becomes a value, and what the usage says it takes. */
enum ValueType {
    TEXT("TEXT") {
        @Override
        Object parse(String text) {
            return text;
        }
    },
    HOST("HOST") {
        @Override
        Object parse(String text) {
            if (text.isBlank()) {
                throw new IllegalArgumentException("must be a host name or an IP address, got '" + text + "'");
            }
            return text.trim();
        }
    },
    PORT("PORT") {
        @Override
        Object parse(String text) {
            return wholeNumber(text, 0, 65535);
        }
    },
    COUNT("N") {
        @Override
        Object parse(String text) {
            return wholeNumber(text, 1, Integer.MAX_VALUE);
        }
    },
    SECONDS("SECONDS") {
        @Override
        Object parse(String text) {
            return decimal(text, 0.01, 86400);
        }
    },
    SECONDS_OR_ZERO("SECONDS") {
        @Override
        Object parse(String text) {
            return decimal(text, 0, 86400 * 7);
        }
    },
    PERCENT("PERCENT") {
        @Override
        Object parse(String text) {
            return decimal(text, 0, 100);
        }
    },
    PERCENT_OR_OFF("PERCENT") {
        @Override
        Object parse(String text) {
            return text.isBlank() ? null : decimal(text, 0, 100);
        }
    },
    CELSIUS_OR_OFF("CELSIUS") {
        @Override
        Object parse(String text) {
            return text.isBlank() ? null : decimal(text, -273.15, 1000);
        }
    },
    GIGABYTES("GB") {
        @Override
        Object parse(String text) {
            return decimal(text, 0, 1e9);
        }
    },
    BOOLEAN("true|false") {
        @Override
        Object parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new IllegalArgumentException("must be true or false, got '" + text + "'");
            };
        }
    },
    DIRECTORY_OR_NONE("DIR") {
        @Override
        Object parse(String text) {
            if (text.isBlank()) {
                return null;
            }
            Path path = Path.of(text.trim());
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new IllegalArgumentException("not a directory: " + text);
            }
            return path;
        }
    },
    FILE_OR_NONE("FILE") {
        @Override
        Object parse(String text) {
            return text.isBlank() ? null : Path.of(text.trim());
        }
    },
    EXISTING_PATHS("PATH[,PATH...]") {
        @Override
        Object parse(String text) {
            List<String> paths = list(text);
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("at least one path is needed");
            }
            for (String path : paths) {
                if (!Files.exists(Path.of(path))) {
                    throw new IllegalArgumentException("path does not exist: " + path);
                }
            }
            return paths;
        }
    },
    LIST("VALUE[,VALUE...]") {
        @Override
        Object parse(String text) {
            return list(text);
        }
    },
    HOSTS("HOST[,HOST...]") {
        @Override
        Object parse(String text) {
            List<String> hosts = list(text);
            hosts.forEach(HostPolicy::checkAllowedHost);
            return hosts;
        }
    },
    DISPLAY("compact|detailed|none") {
        @Override
        Object parse(String text) {
            try {
                return DisplayMode.valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be compact, detailed or none, got '" + text + "'");
            }
        }
    };

    private final String placeholder;

    ValueType(String placeholder) {
        this.placeholder = placeholder;
    }

    /** What the usage shows after the flag. */
    String placeholder() {
        return placeholder;
    }

    /**
     * @param text the raw text
     * @return the value
     * @throws IllegalArgumentException with the reason, naming the bad text
     */
    abstract Object parse(String text);

    private static int wholeNumber(String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be a whole number from " + min + " to " + max + ", got '" + text + "'");
    }

    private static double decimal(String text, double min, double max) {
        try {
            double value = Double.parseDouble(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be a number from " + format(min) + " to " + format(max)
                + ", got '" + text + "'");
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
