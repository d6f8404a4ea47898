package io.wsmon.core.collect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frequency a processor's model name states, such as {@code 2.20GHz} in
 * {@code "Intel(R) Xeon(R) CPU E5-2650 v4 @ 2.20GHz"}: the best maximum frequency a machine without
 * {@code cpufreq} (most virtual machines) can give. AMD model names carry none.
 */
public final class NominalFrequency {

    private static final Pattern FREQUENCY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([GM])HZ", Pattern.CASE_INSENSITIVE);

    private NominalFrequency() {}

    /**
     * @param modelName the processor's model name; may be {@code null}
     * @return the frequency in MHz, or {@code null} when the name states none
     */
    public static Double ofModelName(String modelName) {
        if (modelName == null) {
            return null;
        }
        Matcher matcher = FREQUENCY.matcher(modelName);
        Double found = null;
        while (matcher.find()) {
            double value = Double.parseDouble(matcher.group(1));
            found = matcher.group(2).equalsIgnoreCase("G") ? value * 1000 : value;
        }
        return found == null || found <= 0 ? null : Rounding.oneDecimal(found);
    }
}
