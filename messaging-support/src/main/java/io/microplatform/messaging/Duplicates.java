package io.microplatform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the deliveries an idempotent consumer recognised as already applied. Kafka delivers at least once, so every
 * effect a consumer applies has a natural key (one reservation per order: its primary key), looked up in the
 * transaction that would apply the effect. A redelivery or a re-sent command finds the effect there, changes nothing
 * and is answered from what is stored; the consumer reports it here, so that messaging.duplicates.skipped{consumer}
 * shows how often the key served. The key is the only guard: there is no record of processed message ids.
 */
public class Duplicates {

    private static final Logger log = LoggerFactory.getLogger(Duplicates.class);

    private final MessagingMetrics metrics;

    Duplicates(MessagingMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * @param consumer a stable name for the handler, for example {@code "inventory.reserve-stock"}
     * @param key the natural key that found the earlier effect, for example the order id
     */
    public void skipped(String consumer, Object key) {
        log.info("{} for {} was applied before: answered from what is stored, nothing changed", consumer, key);
        metrics.duplicateSkipped(consumer);
    }
}
