package io.wsmon.gpu.smi;

import io.wsmon.api.GpuDevice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The nvidia-smi query wsmon makes, and the parser of its answer: one line per GPU, the values of
 * {@link Column}s in order, separated by commas ({@code --format=csv,noheader,nounits}). A value in
 * brackets ({@code [N/A]}, {@code [Not Supported]}, {@code [Unknown Error]}) or {@code N/A} is absent.
 */
final class NvidiaSmiCsv {

    /** The columns queried, in order. */
    enum Column {
        INDEX("index"),
        NAME("name"),
        UUID("uuid"),
        DRIVER_VERSION("driver_version"),
        MEMORY_TOTAL("memory.total"),
        MEMORY_USED("memory.used"),
        MEMORY_FREE("memory.free"),
        GPU_UTILIZATION("utilization.gpu"),
        MEMORY_UTILIZATION("utilization.memory"),
        TEMPERATURE("temperature.gpu"),
        POWER_DRAW("power.draw"),
        POWER_LIMIT("enforced.power.limit"),
        FAN_SPEED("fan.speed"),
        CLOCK_GRAPHICS("clocks.gr"),
        CLOCK_MEMORY("clocks.mem");

        private final String field;

        Column(String field) {
            this.field = field;
        }
    }

    /** The arguments that make nvidia-smi print the columns. */
    static final List<String> ARGUMENTS = List.of(
            Arrays.stream(Column.values()).map(c -> c.field).collect(Collectors.joining(",", "--query-gpu=", "")),
            "--format=csv,noheader,nounits");

    private static final long MEBIBYTE = 1024L * 1024L;
    private static final int MAX_QUOTED_LENGTH = 120;

    private NvidiaSmiCsv() {}

    /**
     * Parses nvidia-smi's answer.
     *
     * @param output what nvidia-smi printed
     * @return one device per line, in the order printed
     * @throws NvidiaSmiException when the output lists no GPU, or a line has the wrong number of values or a
     *     value that is not what its column holds
     */
    static List<GpuDevice> parse(String output) throws NvidiaSmiException {
        List<GpuDevice> devices = new ArrayList<>();
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                devices.add(new Row(i + 1, lines[i]).device());
            }
        }
        if (devices.isEmpty()) {
            throw new NvidiaSmiException("nvidia-smi listed no GPU");
        }
        return devices;
    }

    /** One line of output, split into its values. */
    private static final class Row {
        private final int line;
        private final String[] values;

        Row(int line, String text) throws NvidiaSmiException {
            this.line = line;
            this.values = text.split(",", -1);
            if (values.length != Column.values().length) {
                throw new NvidiaSmiException("nvidia-smi output line " + line + " has " + values.length
                        + " values where " + Column.values().length + " were asked for: " + quote(text));
            }
        }

        GpuDevice device() throws NvidiaSmiException {
            Integer index = integer(Column.INDEX);
            if (index == null) {
                throw invalid(Column.INDEX, "a GPU index");
            }
            return new GpuDevice(
                    index,
                    text(Column.NAME),
                    text(Column.UUID),
                    text(Column.DRIVER_VERSION),
                    bytes(Column.MEMORY_TOTAL),
                    bytes(Column.MEMORY_USED),
                    bytes(Column.MEMORY_FREE),
                    decimal(Column.GPU_UTILIZATION),
                    decimal(Column.MEMORY_UTILIZATION),
                    decimal(Column.TEMPERATURE),
                    decimal(Column.POWER_DRAW),
                    decimal(Column.POWER_LIMIT),
                    decimal(Column.FAN_SPEED),
                    integer(Column.CLOCK_GRAPHICS),
                    integer(Column.CLOCK_MEMORY),
                    null);
        }

        private String text(Column column) {
            String value = values[column.ordinal()].trim();
            boolean absent = value.isEmpty() || value.equals("N/A") || value.startsWith("[") && value.endsWith("]");
            return absent ? null : value;
        }

        private Double decimal(Column column) throws NvidiaSmiException {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Double.valueOf(value);
            } catch (NumberFormatException e) {
                throw invalid(column, "a number");
            }
        }

        private Integer integer(Column column) throws NvidiaSmiException {
            Double value = decimal(column);
            if (value == null) {
                return null;
            }
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw invalid(column, "a whole number");
            }
            return value.intValue();
        }

        /** A memory figure: nvidia-smi prints MiB, wsmon reports bytes. */
        private Long bytes(Column column) throws NvidiaSmiException {
            Double mebibytes = decimal(column);
            return mebibytes == null ? null : Math.round(mebibytes * MEBIBYTE);
        }

        private NvidiaSmiException invalid(Column column, String expected) {
            return new NvidiaSmiException("nvidia-smi output line " + line + ": " + column.field + " should be "
                    + expected + ", got " + quote(values[column.ordinal()].trim()));
        }

        private static String quote(String text) {
            String shown = text.length() > MAX_QUOTED_LENGTH ? text.substring(0, MAX_QUOTED_LENGTH) + "..." : text;
            return "'" + shown + "'";
        }
    }
}
