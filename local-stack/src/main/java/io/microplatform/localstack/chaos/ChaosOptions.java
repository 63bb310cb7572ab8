package io.microplatform.localstack.chaos;

import io.microplatform.localstack.console.OptionValues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        Map<String, String> given = OptionValues.parse(arguments, List.of("--duration", "--rate", "--seed"), "chaos");
        Duration duration = given.containsKey("--duration")
                ? OptionValues.duration("--duration", given.get("--duration")) : Duration.ofSeconds(60);
        double rate = given.containsKey("--rate") ? OptionValues.number("--rate", given.get("--rate")) : 5;
        long seed = given.containsKey("--seed") ? (long) OptionValues.number("--seed", given.get("--seed"))
                : ThreadLocalRandom.current().nextLong(1, 1_000_000);
        return new ChaosOptions(duration, rate, seed);
    }
}
