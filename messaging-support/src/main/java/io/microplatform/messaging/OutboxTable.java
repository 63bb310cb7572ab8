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
     * Locks the unpublished rows older than the grace period, parked rows left out: those tried least often first,
     * then the oldest. A row that keeps failing goes behind the others, so a batch of them at the head cannot starve
     * the rows behind (until they are parked, or for good when the broker never answers for them); after an outage
     * every row gets its turn. SKIP LOCKED: a second instance sweeping at the same moment gets the next rows instead
     * of waiting, and never the rows this sweep is sending.
     */
    List<OutboxRecord> lockDue(Duration gracePeriod, int limit) {
        return jdbc.sql("""
                SELECT id, topic, message_key, message_type, payload, trace_parent, vector_clock, created_at
                FROM outbox_messages
                WHERE published_at IS NULL AND parked_at IS NULL
                  AND created_at < clock_timestamp() - :graceMillis * interval '1 millisecond'
                ORDER BY attempts, created_at, id
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

    /**
     * Counts a failed attempt and its error; a refusal of the record itself also counts towards parking.
     *
     * @return true when this refusal parked the row
     */
    boolean recordFailure(long id, String error, boolean refused, int maxAttempts) {
        return jdbc.sql("""
                UPDATE outbox_messages
                   SET attempts = attempts + 1,
                       refusals = refusals + CASE WHEN :refused THEN 1 ELSE 0 END,
                       last_error = :error,
                       parked_at = CASE WHEN :refused AND refusals + 1 >= :maxAttempts THEN clock_timestamp() END
                 WHERE id = :id AND published_at IS NULL AND parked_at IS NULL
                RETURNING parked_at IS NOT NULL""")
                .param("id", id)
                .param("error", error)
                .param("refused", refused)
                .param("maxAttempts", maxAttempts)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Bounded per call, so a large backlog of old rows is trimmed over several sweeps instead of in one long delete. */
    int deletePublishedBefore(Duration retention, int limit) {
        return RowRetention.deleteOlderThan(jdbc, "outbox_messages", "published_at", retention, limit);
    }

    /** Parked rows are not pending: they have their own gauge and alert, and would hold the oldest age up for ever. */
    PendingStats pendingStats() {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE parked_at IS NULL) AS pending,
                       coalesce(extract(epoch FROM clock_timestamp()
                                - min(created_at) FILTER (WHERE parked_at IS NULL)), 0) AS oldest_age,
                       count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked
                FROM outbox_messages WHERE published_at IS NULL""")
                .query((rs, row) -> new PendingStats(rs.getLong("pending"), rs.getDouble("oldest_age"),
                        rs.getLong("parked")))
                .single();
    }

    private static OutboxRecord record(ResultSet rs, int row) throws SQLException {
        return new OutboxRecord(rs.getLong("id"), rs.getString("topic"), rs.getObject("message_key", UUID.class),
                rs.getString("message_type"), rs.getString("payload"), rs.getString("trace_parent"),
                rs.getString("vector_clock"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
