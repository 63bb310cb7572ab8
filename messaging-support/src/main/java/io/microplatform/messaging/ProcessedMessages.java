package io.microplatform.messaging;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remembers which messages a consumer has processed, so that a redelivered message (Kafka delivers at least once)
 * changes nothing the second time. Prefer a natural key where the effect has one (one reservation per order, with a
 * unique constraint); use this where there is none.
 */
public class ProcessedMessages {

    private static final Logger log = LoggerFactory.getLogger(ProcessedMessages.class);

    private final JdbcClient jdbc;
    private final MessagingMetrics metrics;

    ProcessedMessages(JdbcClient jdbc, MessagingMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /**
     * Records that {@code consumer} processed the message, in the caller's transaction, so the record commits or
     * rolls back together with the message's effect. A concurrent second delivery waits for the first transaction
     * and then sees it.
     *
     * @param consumer a stable name for the handler, for example {@code "inventory.reserve-stock"}
     * @return true the first time; false when the message was already processed and its effect must be skipped
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active
     */
    public boolean markProcessed(String consumer, UUID messageId) {
        Transactions.requireActive("ProcessedMessages.markProcessed");
        int inserted = jdbc.sql("""
                INSERT INTO processed_messages (consumer, message_id) VALUES (:consumer, :messageId)
                ON CONFLICT DO NOTHING""")
                .param("consumer", consumer)
                .param("messageId", messageId)
                .update();
        if (inserted == 0) {
            log.info("Skipping message {} for {}: already processed", messageId, consumer);
            metrics.duplicateSkipped(consumer);
            return false;
        }
        return true;
    }

    int forgetOlderThan(Duration retention, int limit) {
        return jdbc.sql("""
                DELETE FROM processed_messages WHERE (consumer, message_id) IN (
                  SELECT consumer, message_id FROM processed_messages
                  WHERE processed_at < clock_timestamp() - :retentionMillis * interval '1 millisecond'
                  LIMIT :limit)""")
                .param("retentionMillis", retention.toMillis())
                .param("limit", limit)
                .update();
    }
}
