package io.microplatform.messaging;

import java.time.Instant;
import java.util.UUID;

/** One row of outbox_messages: a message committed with a business change, to be sent to Kafka. */
record OutboxRecord(long id, String topic, UUID key, String type, String payload, String traceParent,
        Instant createdAt) {
}
