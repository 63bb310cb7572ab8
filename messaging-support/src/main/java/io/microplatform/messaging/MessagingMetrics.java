package io.microplatform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/** The meters of the outbox and the consumers, in one place so their names are easy to find for dashboards. */
final class MessagingMetrics {

    private final MeterRegistry registry;
    private volatile PendingStats pending = new PendingStats(0, 0, 0);

    MessagingMetrics(MeterRegistry registry) {
        this.registry = registry;
        // refreshed by every sweep rather than queried on every scrape
        Gauge.builder("outbox.pending", this, metrics -> metrics.pending.count())
                .description("Outbox messages committed but not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("outbox.oldest.pending.age", this, metrics -> metrics.pending.oldestAgeSeconds())
                .description("Age of the oldest unpublished outbox message; grows when publishing is stuck")
                .baseUnit("seconds")
                .register(registry);
        // registered at start-up, so the alert on it (OutboxParked) selects a series on every running instance
        Gauge.builder("outbox.parked", this, metrics -> metrics.pending.parked())
                .description("Outbox messages the broker kept refusing, parked after messaging.outbox.max-attempts: "
                        + "never sent until someone un-parks them")
                .register(registry);
    }

    void published(String topic, Instant since) {
        Timer.builder("outbox.publish.latency")
                .description("From commit (or, for messages found by the sweep, from the insert) to the broker's ack")
                .tag("topic", topic)
                .register(registry)
                .record(Duration.between(since, Instant.now()));
    }

    void publishFailed(String topic) {
        Counter.builder("outbox.publish.failures").tag("topic", topic).register(registry).increment();
    }

    void pending(PendingStats stats) {
        this.pending = stats;
    }

    void duplicateSkipped(String consumer) {
        Counter.builder("messaging.duplicates.skipped").tag("consumer", consumer).register(registry).increment();
    }

    /** @param topic the topic the record came from, not its dead-letter topic */
    void deadLettered(String topic, DeadLetterReason reason) {
        Counter.builder("messaging.dead.letters")
                .description("Records sent to their dead-letter topic, by source topic and why")
                .tag("topic", topic)
                .tag("reason", reason.label())
                .register(registry)
                .increment();
    }

    /** @param count unpublished rows that are not parked */
    record PendingStats(long count, double oldestAgeSeconds, long parked) {
    }
}
