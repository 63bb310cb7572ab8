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
 *
 * <p>An order with a message still waiting in the outbox (neither published nor parked) is never due: while the broker
 * is away its OrderPlaced has not even left, so there is nothing to announce again and nothing stalled; and after the
 * outage the sweep may publish an order's rows in any order, an OrderStalled before its OrderPlaced, which would cancel
 * an order that was about to start its saga.
 */
@Repository
class JdbcPendingOrders implements PendingOrders {

    /** messaging-support's outbox table, in the same database: served by its partial index of unpublished rows. */
    private static final String NOTHING_WAITING_IN_THE_OUTBOX = """
            NOT EXISTS (SELECT 1 FROM outbox_messages m
                        WHERE m.message_key = orders.id AND m.published_at IS NULL AND m.parked_at IS NULL)""";

    /** Announced again at most once per period: counted from the last announcement, or from the order's creation. */
    private static final String NOT_ANNOUNCED_SINCE = "coalesce(announced_at, created_at) <= :before";
    private static final String CREATED_BEFORE = "created_at <= :before";

    private final JdbcClient jdbc;

    JdbcPendingOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> dueForAnnouncement(Instant before, int limit) {
        return due(NOT_ANNOUNCED_SINCE, before, limit);
    }

    @Override
    public boolean claimAnnouncement(UUID orderId, Instant before, Instant now) {
        return claim("announced_at", NOT_ANNOUNCED_SINCE, orderId, before, now);
    }

    @Override
    public List<UUID> dueForStall(Instant before, int limit) {
        return due(CREATED_BEFORE, before, limit);
    }

    @Override
    public boolean claimStall(UUID orderId, Instant before, Instant now) {
        return claim("stalled_at", CREATED_BEFORE, orderId, before, now);
    }

    @Override
    public Optional<Instant> oldestPendingSince() {
        return jdbc.sql("SELECT created_at FROM orders WHERE status = 'PENDING' ORDER BY created_at LIMIT 1")
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant);
    }

    private List<UUID> due(String since, Instant before, int limit) {
        return jdbc.sql("SELECT id FROM orders WHERE " + pending(since) + " ORDER BY created_at LIMIT :limit")
                .param("before", utc(before))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** The condition again, on the locked row: another instance may have claimed it or the saga ended it since. */
    private boolean claim(String column, String since, UUID orderId, Instant before, Instant now) {
        return jdbc.sql("UPDATE orders SET " + column + " = :now WHERE id = (SELECT id FROM orders WHERE id = :id AND "
                        + pending(since) + " FOR UPDATE SKIP LOCKED)")
                .param("id", orderId)
                .param("before", utc(before))
                .param("now", utc(now))
                .update() == 1;
    }

    /** Still PENDING, not yet reported stalled, due by {@code since}, and with nothing of it waiting in the outbox. */
    private static String pending(String since) {
        return "status = 'PENDING' AND stalled_at IS NULL AND " + since + " AND " + NOTHING_WAITING_IN_THE_OUTBOX;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
