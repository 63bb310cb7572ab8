package io.microplatform.localstack.chaos;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code chaos [--duration 60s] [--rate 5] [--seed N]}: how long orders are placed (faults happen meanwhile), how many
 * per second, and the seed that chooses the data set, the orders and the faults (the same seed, the same plan).
 */
public record ChaosOptions(Duration duration, double rate, long seed) {

    public static final String USAGE = "chaos [--duration 60s] [--rate 5] [--seed N]";
    static final Duration MIN_DURATION = Duration.ofSeconds(20);

    public ChaosOptions {
        if (duration.compareTo(MIN_DURATION) < 0) {
            throw new IllegalArgumentException("--duration must be at least " + MIN_DURATION.toSeconds() + "s (warm-up "
                    + "and at least one fault), was " + duration.toSeconds() + "s");
        }
        if (!(rate > 0 && rate <= 100)) {
            throw new IllegalArgumentException("--rate must be between 0 and 100 orders per second, was " + rate);
        }
    }

    /** @throws IllegalArgumentException naming the argument that is wrong */
    public static ChaosOptions parse(List<String> arguments) {
        Deque<String> args = new ArrayDeque<>(arguments);
        Duration duration = Duration.ofSeconds(60);
        double rate = 5;
        Optional<Long> seed = Optional.empty();
        while (!args.isEmpty()) {
            String arg = args.removeFirst();
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            if (!List.of("--duration", "--rate", "--seed").contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "' for chaos");
            }
            if (value == null) {
                if (args.isEmpty()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args.removeFirst();
            }
            switch (name) {
                case "--duration" -> duration = duration(name, value);
                case "--rate" -> rate = number(name, value);
                default -> seed = Optional.of((long) number(name, value));
            }
        }
        return new ChaosOptions(duration, rate, seed.orElseGet(() -> ThreadLocalRandom.current().nextLong(1, 1_000_000)));
    }

    /** {@code value} as 500ms, 30s, 2m or a plain number of seconds; the exception names the option {@code name}. */
    public static Duration duration(String name, String value) {
        String text = value.strip().toLowerCase();
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

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was " + value);
        }
    }
}
