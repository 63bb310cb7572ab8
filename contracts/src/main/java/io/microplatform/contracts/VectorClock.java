package io.microplatform.contracts;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A vector clock of one order's saga: one counter per service, in the Kafka header {@value #HEADER} of every message
 * and stored with every effect a service records. Each service merges the clock of what it receives and ticks its own
 * entry before it acts, so an effect's clock is greater than the clock of every effect that caused it. Comparing two
 * stored clocks then tells whether one effect happened before the other or whether they were concurrent, which no
 * pair of timestamps from different machines can (docs/chaos.md).
 *
 * <p>Text form: {@code service=counter} entries sorted by service name, comma separated, for example
 * {@code inventory-service=1,order-service=1,saga-orchestrator=2}; the empty string is the empty clock.
 */
public final class VectorClock {

    /** The Kafka record header carrying the clock of the event that sent the message. */
    public static final String HEADER = "vector-clock";

    public static final VectorClock EMPTY = new VectorClock(Map.of());

    /** How two clocks relate. */
    public enum Causality {
        /** this happened before the other: every entry less or equal, at least one less */
        BEFORE,
        AFTER,
        EQUAL,
        /** neither happened before the other */
        CONCURRENT
    }

    private final Map<String, Long> entries;

    private VectorClock(Map<String, Long> entries) {
        this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /** @throws IllegalArgumentException for text not in the form above */
    public static VectorClock parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        Map<String, Long> entries = new TreeMap<>();
        for (String entry : text.strip().split(",")) {
            int equals = entry.lastIndexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalArgumentException("not a vector clock entry (service=counter): " + entry);
            }
            long counter;
            try {
                counter = Long.parseLong(entry.substring(equals + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a vector clock counter: " + entry, e);
            }
            if (counter < 0) {
                throw new IllegalArgumentException("a vector clock counter is never negative: " + entry);
            }
            if (counter > 0) {
                // a zero counter says nothing: the clock equals the one without the entry
                entries.merge(entry.substring(0, equals), counter, Math::max);
            }
        }
        return new VectorClock(entries);
    }

    /** Entry by entry the larger counter: what a service knows after receiving a message with {@code other}. */
    public VectorClock merge(VectorClock other) {
        Map<String, Long> merged = new TreeMap<>(entries);
        other.entries.forEach((service, counter) -> merged.merge(service, counter, Math::max));
        return new VectorClock(merged);
    }

    /** One more event of {@code service}. */
    public VectorClock tick(String service) {
        Objects.requireNonNull(service, "service");
        Map<String, Long> ticked = new TreeMap<>(entries);
        ticked.merge(service, 1L, Long::sum);
        return new VectorClock(ticked);
    }

    public long counter(String service) {
        return entries.getOrDefault(service, 0L);
    }

    public Causality compare(VectorClock other) {
        boolean less = false;
        boolean greater = false;
        TreeMap<String, Long> services = new TreeMap<>(entries);
        other.entries.keySet().forEach(service -> services.putIfAbsent(service, 0L));
        for (String service : services.keySet()) {
            long mine = counter(service);
            long theirs = other.counter(service);
            less |= mine < theirs;
            greater |= mine > theirs;
        }
        if (less && greater) {
            return Causality.CONCURRENT;
        }
        return less ? Causality.BEFORE : greater ? Causality.AFTER : Causality.EQUAL;
    }

    public boolean happenedBefore(VectorClock other) {
        return compare(other) == Causality.BEFORE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VectorClock clock && entries.equals(clock.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }
}
