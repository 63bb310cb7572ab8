package io.microplatform.localstack.demo;

import io.microplatform.localstack.chaos.OrderTraffic;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The end of a demo: the figures it measured and the promises that did not hold (none: PASS). Built up as the demo
 * goes: {@link #figure} for what it measured, {@link #require} for what must hold.
 */
public final class Verdict {

    private final List<String> figures = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    public Verdict figure(String figure) {
        figures.add(figure);
        return this;
    }

    /** Records {@code failure} unless {@code holds}. */
    public Verdict require(boolean holds, String failure) {
        if (!holds) {
            failures.add(failure);
        }
        return this;
    }

    public Verdict fail(String failure) {
        failures.add(failure);
        return this;
    }

    /**
     * What every demo promises about its orders, from every service's own data: each one ended, none lost, nothing
     * charged twice or for a cancelled order, stock exact, no effect applied twice (the chaos run's invariants).
     */
    public Verdict nothingLost(OrderTraffic.Ended ended) {
        String reasons = ended.cancelledByReason().isEmpty() ? "" : ended.cancelledByReason().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
        figure(ended.orders() + " orders: " + ended.confirmed() + " confirmed, " + ended.cancelled() + " cancelled"
                + reasons + ", " + ended.notEnded() + " not ended, " + ended.doubleCharges() + " charged twice, "
                + ended.cancelledWithNetEffect() + " cancelled with money or stock kept, stock drift "
                + ended.stockDrift().values().stream().mapToInt(Math::abs).sum());
        ended.violations().stream().limit(3).forEach(this::fail);
        if (ended.violations().size() > 3) {
            fail((ended.violations().size() - 3) + " more invariant(s) broken");
        }
        return this;
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** {@code PASS name: figures} or {@code FAIL name: what failed; figures}. */
    public String line(String name) {
        String measured = String.join("; ", figures);
        if (passed()) {
            return "PASS " + name + ": " + measured;
        }
        return "FAIL " + name + ": " + String.join("; ", failures) + (measured.isEmpty() ? "" : " | " + measured);
    }
}
