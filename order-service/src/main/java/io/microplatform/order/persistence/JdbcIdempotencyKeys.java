package io.microplatform.order.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.order.domain.IdempotencyKey;
import io.microplatform.order.domain.IdempotencyKeys;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL rather than JPA: the claim relies on PostgreSQL's INSERT ... ON CONFLICT DO NOTHING, which waits for a
 * concurrent transaction holding the same key and then inserts nothing, instead of failing the caller's transaction
 * the way a unique-constraint violation would. It runs on the caller's (JPA) transaction's connection.
 */
@Repository
class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final JdbcClient jdbc;

    JdbcIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(IdempotencyKey key, Instant now) {
        return jdbc.sql("""
                        INSERT INTO idempotency_keys (idempotency_key, request_fingerprint, order_id, created_at)
                        VALUES (:key, :fingerprint, :orderId, :createdAt)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("key", key.key())
                .param("fingerprint", key.requestFingerprint())
                .param("orderId", key.orderId())
                .param("createdAt", now.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    @Override
    public Optional<IdempotencyKey> find(String key) {
        return jdbc.sql("""
                        SELECT idempotency_key, request_fingerprint, order_id FROM idempotency_keys
                        WHERE idempotency_key = :key""")
                .param("key", key)
                .query((rs, row) -> new IdempotencyKey(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class)))
                .optional();
    }
}
