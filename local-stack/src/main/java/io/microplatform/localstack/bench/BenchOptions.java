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
        BenchOptions defaults = defaults(root);
        Duration warmup = defaults.warmup();
        Duration step = defaults.step();
        double startRate = defaults.startRate();
        double rateStep = defaults.rateStep();
        double maxRate = defaults.maxRate();
        int customers = defaults.customers();
        int items = defaults.items();
        Path output = defaults.output();
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
            switch (name) {
                case "--warmup" -> warmup = ChaosOptions.duration(name, value);
                case "--step" -> step = ChaosOptions.duration(name, value);
                case "--start-rate" -> startRate = number(name, value);
                case "--rate-step" -> rateStep = number(name, value);
                case "--max-rate" -> maxRate = number(name, value);
                case "--customers" -> customers = (int) number(name, value);
                case "--items" -> items = (int) number(name, value);
                default -> output = root.resolve(value);
            }
        }
        return new BenchOptions(warmup, step, startRate, rateStep, maxRate, customers, items, output);
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was " + value);
        }
    }
}
