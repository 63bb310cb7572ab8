package io.microplatform.messaging;

import io.microplatform.messaging.MessagingMetrics.PendingStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of the outbox (schema in db/migration/R__messaging_support.sql). Every statement runs in the transaction
 * of the calling thread, if there is one: the insert in the business transaction, the rest in the relay's.
 */
final class OutboxTable {

    private final JdbcClient jdbc;

    OutboxTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OutboxRecord insert(String topic, UUID key, String type, String payload, String traceParent, String vectorClock) {
        return jdbc.sql("""
                INSERT INTO outbox_messages (topic, message_key, message_type, payload, trace_parent, vector_clock)
                VALUES (:topic, :key, :type, :payload, :traceParent, :vectorClock)
                RETURNING id, topic, message_key, message_type, payload, trace_parent, vector_clock, created_at""")
                .param("topic", topic)
                .param("key", key)
                .param("type", type)
                .param("payload", payload)
                .param("traceParent", traceParent)
                .param("vectorClock", vectorClock)
                .query(OutboxTable::record)
                .single();
    }

    /**
     * Locks the oldest unpublished rows older than the grace period. SKIP LOCKED: a second instance sweeping at the
     * same moment gets the next rows instead of waiting, and never the rows this sweep is sending.
     */
    List<OutboxRecord> lockDue(Duration gracePeriod, int limit) {
        return jdbc.sql("""
                SELECT id, topic, message_key, message_type, payload, trace_parent, vector_clock, created_at
                FROM outbox_messages
                WHERE published_at IS NULL AND created_at < clock_timestamp() - :graceMillis * interval '1 millisecond'
                ORDER BY created_at, id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""")
                .param("graceMillis", gracePeriod.toMillis())
                .param("limit", limit)
                .query(OutboxTable::record)
                .list();
    }

    void markPublished(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    UPDATE outbox_messages SET published_at = clock_timestamp(), attempts = attempts + 1
                    WHERE id IN (:ids) AND published_at IS NULL""")
                    .param("ids", ids)
                    .update();
        }
    }

    void countFailedAttempts(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE outbox_messages SET attempts = attempts + 1 WHERE id IN (:ids)")
                    .param("ids", ids)
                    .update();
        }
    }

    /** Bounded per call, so a large backlog of old rows is trimmed over several sweeps instead of in one long delete. */
    int deletePublishedBefore(Duration retention, int limit) {
        return jdbc.sql("""
                DELETE FROM outbox_messages WHERE id IN (
                  SELECT id FROM outbox_messages
                  WHERE published_at < clock_timestamp() - :retentionMillis * interval '1 millisecond'
                  LIMIT :limit)""")
                .param("retentionMillis", retention.toMillis())
                .param("limit", limit)
                .update();
    }

    PendingStats pendingStats() {
        return jdbc.sql("""
                SELECT count(*) AS pending,
                       coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0) AS oldest_age
                FROM outbox_messages WHERE published_at IS NULL""")
                .query((rs, row) -> new PendingStats(rs.getLong("pending"), rs.getDouble("oldest_age")))
                .single();
    }

    private static OutboxRecord record(ResultSet rs, int row) throws SQLException {
        return new OutboxRecord(rs.getLong("id"), rs.getString("topic"), rs.getObject("message_key", UUID.class),
                rs.getString("message_type"), rs.getString("payload"), rs.getString("trace_parent"),
                rs.getString("vector_clock"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
