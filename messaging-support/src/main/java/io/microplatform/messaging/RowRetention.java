package io.microplatform.messaging;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deletes a table's rows older than a retention, the outbox's and the causal effects' alike. */
final class RowRetention {

    private RowRetention() {
    }

    /**
     * At most {@code limit} rows whose {@code timestamp} lies more than {@code retention} back on the database's clock.
     * Bounded per call, so a large backlog of old rows is trimmed over several sweeps instead of in one long delete.
     *
     * @param table     a table of this module's migration, with an {@code id} key (never a caller's input)
     * @param timestamp its column that ages the row; a row where it is null stays
     * @return the rows deleted
     */
    static int deleteOlderThan(JdbcClient jdbc, String table, String timestamp, Duration retention, int limit) {
        return jdbc.sql("DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table + " WHERE " + timestamp
                        + " < clock_timestamp() - :retentionMillis * interval '1 millisecond' LIMIT :limit)")
                .param("retentionMillis", retention.toMillis())
                .param("limit", limit)
                .update();
    }
}
