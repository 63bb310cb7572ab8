package io.microplatform.localstack.bench;

import io.microplatform.localstack.chaos.ChaosOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

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
        Deque<String> args = new ArrayDeque<>(arguments);
        while (!args.isEmpty()) {
            String arg = args.removeFirst();
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "' for bench");
            }
            if (value == null) {
                if (args.isEmpty()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args.removeFirst();
            }
            options = options.with(name, value, root);
        }
        return options;
    }

    private BenchOptions with(String name, String value, Path root) {
        return switch (name) {
            case "--warmup" -> new BenchOptions(ChaosOptions.duration(name, value), step, startRate, rateStep, maxRate, customers,
                    items, output);
            case "--step" -> new BenchOptions(warmup, ChaosOptions.duration(name, value), startRate, rateStep, maxRate, customers,
                    items, output);
            case "--start-rate" -> new BenchOptions(warmup, step, number(name, value), rateStep, maxRate, customers,
                    items, output);
            case "--rate-step" -> new BenchOptions(warmup, step, startRate, number(name, value), maxRate, customers,
                    items, output);
            case "--max-rate" -> new BenchOptions(warmup, step, startRate, rateStep, number(name, value), customers,
                    items, output);
            case "--customers" -> new BenchOptions(warmup, step, startRate, rateStep, maxRate,
                    (int) number(name, value), items, output);
            case "--items" -> new BenchOptions(warmup, step, startRate, rateStep, maxRate, customers,
                    (int) number(name, value), output);
            default -> new BenchOptions(warmup, step, startRate, rateStep, maxRate, customers, items,
                    root.resolve(value));
        };
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was " + value);
        }
    }
}
