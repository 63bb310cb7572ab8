package io.microplatform.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of outbox_messages: a message committed with a business change, to be sent to Kafka.
 *
 * @param vectorClock the order's clock in the transaction that sent it; null for rows written before clocks existed
 */
record OutboxRecord(long id, String topic, UUID key, String type, String payload, String traceParent,
        String vectorClock, Instant createdAt) {
}
