package io.microplatform.localstack.demo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small read-outs the demos share: waiting for a condition, percentiles and Prometheus text. */
final class Measure {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Measure() {
    }

    /**
     * Asks {@code condition} every {@code every} until it holds or {@code limit} passes.
     *
     * @return how long it took, or null if it never held
     */
    static Duration await(Duration limit, Duration every, BooleanSupplier condition) {
        long start = System.nanoTime();
        while (true) {
            if (condition.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() - start > limit.toNanos()) {
                return null;
            }
            LockSupport.parkNanos(every.toNanos());
        }
    }

    static void sleep(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    /** The sum of every sample of {@code metric} whose labels include {@code labels}, in Prometheus text format. */
    static double sum(String prometheusText, String metric, Map<String, String> labels) {
        double sum = 0;
        for (String line : prometheusText.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find() || !sample.group(1).equals(metric)) {
                continue;
            }
            Map<String, String> found = new java.util.HashMap<>();
            Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
            if (labels.entrySet().stream().allMatch(e -> e.getValue().equals(found.get(e.getKey())))) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }

    /** The {@code quantile} (0..1) of {@code values}, nearest rank; 0 for none. */
    static double percentile(List<Double> values, double quantile) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(quantile * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static String seconds(Duration duration) {
        return duration == null ? "never" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String millis(double seconds) {
        return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
    }
}
