package io.microplatform.localstack.console;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code --name value} and {@code --name=value} options of a verb such as chaos or bench, and their values. */
public final class OptionValues {

    private OptionValues() {
    }

    /**
     * @param names the options the verb knows
     * @return each option given, with its value as written; a repeated option keeps its last value
     * @throws IllegalArgumentException for an option the verb does not know or one without a value
     */
    public static Map<String, String> parse(List<String> arguments, List<String> names, String verb) {
        Map<String, String> values = new LinkedHashMap<>();
        Deque<String> args = new ArrayDeque<>(arguments);
        while (!args.isEmpty()) {
            String arg = args.removeFirst();
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "' for " + verb);
            }
            if (value == null) {
                if (args.isEmpty()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args.removeFirst();
            }
            values.put(name, value);
        }
        return values;
    }

    /** {@code value} as 500ms, 30s, 2m or a plain number of seconds; the exception names the option. */
    public static Duration duration(String name, String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be like 60s or 2m, was " + value);
        }
    }

    public static double number(String name, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was " + value);
        }
    }
}
