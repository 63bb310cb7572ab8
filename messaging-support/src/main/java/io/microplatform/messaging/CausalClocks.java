package io.microplatform.messaging;

import io.microplatform.contracts.VectorClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This service's vector clock per order (table causal_clocks). The first time a transaction touches an order's clock
 * it loads the stored clock, locking its row, merges the clock of the record this thread is handling, ticks this
 * service's entry once and stores the result; every effect and outbox row of that order in the transaction then
 * carries that one clock. The row lock makes all instances of the service one process per order: two transactions
 * of one order take their ticks one after the other, never the same counter.
 */
final class CausalClocks {

    private final JdbcClient jdbc;
    private final String service;
    private final ReceivedClocks received;

    /** @param service this service's entry in every clock: spring.application.name, shared by its instances */
    CausalClocks(JdbcClient jdbc, String service, ReceivedClocks received) {
        this.jdbc = jdbc;
        this.service = service;
        this.received = received;
    }

    /** The order's clock in the current transaction; the caller has checked that one is active. */
    VectorClock current(UUID orderId) {
        return ofCurrentTransaction().clocks.computeIfAbsent(orderId, this::advance);
    }

    private VectorClock advance(UUID orderId) {
        // locks the row, also a new one (a concurrent first touch waits for this transaction, then sees its clock)
        VectorClock stored = VectorClock.parse(jdbc.sql("""
                INSERT INTO causal_clocks (order_id, clock) VALUES (:orderId, '')
                ON CONFLICT (order_id) DO UPDATE SET updated_at = clock_timestamp()
                RETURNING clock""")
                .param("orderId", orderId)
                .query(String.class)
                .single());
        VectorClock next = stored.merge(received.receivedFor(orderId)).tick(service);
        jdbc.sql("UPDATE causal_clocks SET clock = :clock, updated_at = clock_timestamp() WHERE order_id = :orderId")
                .param("clock", next.toString())
                .param("orderId", orderId)
                .update();
        return next;
    }

    /**
     * Clocks of orders untouched for {@code retention}, and effects recorded before it, at most {@code limit} of each.
     * The age is checked again on the locked row, so a clock a transaction has just advanced is never deleted.
     */
    int forgetOlderThan(Duration retention, int limit) {
        int clocks = jdbc.sql("""
                DELETE FROM causal_clocks
                WHERE updated_at < clock_timestamp() - :retentionMillis * interval '1 millisecond'
                  AND order_id IN (
                    SELECT order_id FROM causal_clocks
                    WHERE updated_at < clock_timestamp() - :retentionMillis * interval '1 millisecond'
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)""")
                .param("retentionMillis", retention.toMillis())
                .param("limit", limit)
                .update();
        int effects = RowRetention.deleteOlderThan(jdbc, "causal_effects", "recorded_at", retention, limit);
        return clocks + effects;
    }

    /** The clocks this transaction has advanced: they live and die with its synchronizations. */
    private TransactionClocks ofCurrentTransaction() {
        // synchronizations are per transaction (a REQUIRES_NEW transaction suspends the outer one's), unlike
        // resources bound to the thread
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof TransactionClocks clocks && clocks.owner == this) {
                return clocks;
            }
        }
        TransactionClocks clocks = new TransactionClocks(this);
        TransactionSynchronizationManager.registerSynchronization(clocks);
        return clocks;
    }

    private static final class TransactionClocks implements TransactionSynchronization {

        private final CausalClocks owner;
        private final Map<UUID, VectorClock> clocks = new HashMap<>();
        private final Map<Object, Set<UUID>> advancedBeforeSavepoint = new IdentityHashMap<>();

        TransactionClocks(CausalClocks owner) {
            this.owner = owner;
        }

        @Override
        public void savepoint(Object savepoint) {
            advancedBeforeSavepoint.put(savepoint, Set.copyOf(clocks.keySet()));
        }

        /**
         * A rollback to a savepoint (a NESTED transaction that failed) undid the stored clocks advanced after it: they
         * are advanced again on their next touch, or the outer transaction would use a tick that was never stored.
         */
        @Override
        public void savepointRollback(Object savepoint) {
            // unknown: the savepoint is older than this transaction's first clock
            clocks.keySet().retainAll(advancedBeforeSavepoint.getOrDefault(savepoint, Set.of()));
        }
    }
}
