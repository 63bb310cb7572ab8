package io.microplatform.order.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.order.domain.PendingOrders;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL rather than JPA: the claims need FOR UPDATE SKIP LOCKED, and they touch columns the aggregate does not map.
 * They run on the caller's (JPA) transaction's connection.
 */
@Repository
class JdbcPendingOrders implements PendingOrders {

    private final JdbcClient jdbc;

    JdbcPendingOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> dueForAnnouncement(Instant before, int limit) {
        return jdbc.sql("""
                        SELECT id FROM orders
                        WHERE status = 'PENDING' AND stalled_at IS NULL AND coalesce(announced_at, created_at) <= :before
                        ORDER BY created_at LIMIT :limit""")
                .param("before", utc(before))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    @Override
    public boolean claimAnnouncement(UUID orderId, Instant before, Instant now) {
        // the condition again, on the locked row: another instance may have announced it or the saga ended it since
        return jdbc.sql("""
                        UPDATE orders SET announced_at = :now WHERE id = (
                          SELECT id FROM orders
                          WHERE id = :id AND status = 'PENDING' AND stalled_at IS NULL
                            AND coalesce(announced_at, created_at) <= :before
                          FOR UPDATE SKIP LOCKED)""")
                .param("id", orderId)
                .param("before", utc(before))
                .param("now", utc(now))
                .update() == 1;
    }

    @Override
    public List<UUID> dueForStall(Instant before, int limit) {
        return jdbc.sql("""
                        SELECT id FROM orders
                        WHERE status = 'PENDING' AND stalled_at IS NULL AND created_at <= :before
                        ORDER BY created_at LIMIT :limit""")
                .param("before", utc(before))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    @Override
    public boolean claimStall(UUID orderId, Instant before, Instant now) {
        return jdbc.sql("""
                        UPDATE orders SET stalled_at = :now WHERE id = (
                          SELECT id FROM orders
                          WHERE id = :id AND status = 'PENDING' AND stalled_at IS NULL AND created_at <= :before
                          FOR UPDATE SKIP LOCKED)""")
                .param("id", orderId)
                .param("before", utc(before))
                .param("now", utc(now))
                .update() == 1;
    }

    @Override
    public Optional<Instant> oldestPendingSince() {
        return jdbc.sql("SELECT created_at FROM orders WHERE status = 'PENDING' ORDER BY created_at LIMIT 1")
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
