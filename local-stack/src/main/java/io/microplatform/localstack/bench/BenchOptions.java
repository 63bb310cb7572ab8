package io.microplatform.localstack.bench;

import io.microplatform.localstack.console.OptionValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code bench [--warmup 60s] [--step 30s] [--start-rate 10] [--rate-step 10] [--max-rate 400] [--out bench/results]}:
 * a warm-up at the start rate, then steps of {@code --step} each at a rate raised by {@code --rate-step} until the
 * platform no longer keeps up (or {@code --max-rate}), then a step at half the highest rate it kept up with, then the
 * ceilings of PostgreSQL and Kafka.
 */
public record BenchOptions(Duration warmup, Duration step, double startRate, double rateStep, double maxRate,
        int customers, int items, Path output) {

    public static final String USAGE = "bench [--warmup 60s] [--step 30s] [--start-rate 10] [--rate-step 10] "
            + "[--max-rate 400] [--customers 2000] [--items 500] [--out bench/results]";
    private static final List<String> NAMES = List.of("--warmup", "--step", "--start-rate", "--rate-step", "--max-rate",
            "--customers", "--items", "--out");

    public BenchOptions {
        if (step.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("--step must be at least 5s, was " + step.toMillis() + "ms");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (!(startRate > 0 && rateStep > 0 && maxRate >= startRate)) {
            throw new IllegalArgumentException("rates must be positive and --max-rate at least --start-rate, were "
                    + startRate + ", " + rateStep + ", " + maxRate);
        }
        if (customers < 1 || items < 3) {
            throw new IllegalArgumentException("--customers must be at least 1 and --items at least 3");
        }
    }

    public static BenchOptions defaults(Path root) {
        return new BenchOptions(Duration.ofSeconds(60), Duration.ofSeconds(30), 10, 10, 400, 2000, 500,
                root.resolve("bench").resolve("results"));
    }

    /** @throws IllegalArgumentException naming the argument that is wrong */
    public static BenchOptions parse(List<String> arguments, Path root) {
        BenchOptions options = defaults(root);
        Map<String, String> given = OptionValues.parse(arguments, NAMES, "bench");
        return new BenchOptions(
                duration(given, "--warmup", options.warmup()), duration(given, "--step", options.step()),
                number(given, "--start-rate", options.startRate()), number(given, "--rate-step", options.rateStep()),
                number(given, "--max-rate", options.maxRate()), (int) number(given, "--customers", options.customers()),
                (int) number(given, "--items", options.items()),
                given.containsKey("--out") ? root.resolve(given.get("--out")) : options.output());
    }

    private static Duration duration(Map<String, String> given, String name, Duration otherwise) {
        return given.containsKey(name) ? OptionValues.duration(name, given.get(name)) : otherwise;
    }

    private static double number(Map<String, String> given, String name, double otherwise) {
        return given.containsKey(name) ? OptionValues.number(name, given.get(name)) : otherwise;
    }
}
