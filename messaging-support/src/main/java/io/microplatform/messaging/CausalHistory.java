package io.microplatform.messaging;

import io.microplatform.contracts.VectorClock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * The effects this service applied to an order, each with the order's vector clock (table causal_effects). The chaos
 * checker compares the clocks of every service's effects: an effect whose clock is not after its cause's (a refund
 * before its charge) is a causality violation no pair of timestamps from different machines could prove.
 */
public class CausalHistory {

    private final JdbcClient jdbc;
    private final CausalClocks clocks;

    CausalHistory(JdbcClient jdbc, CausalClocks clocks) {
        this.jdbc = jdbc;
        this.clocks = clocks;
    }

    /**
     * Records that this service applied {@code effect} to the order, in the caller's transaction, with the order's
     * clock in that transaction (the same clock the transaction's outbox messages of that order carry). Call it only
     * when the effect is applied, never for a redelivery answered from stored state.
     *
     * @param effect the effect's name from the shared list, for example {@code inventory.reserved}
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active
     */
    public void record(UUID orderId, String effect) {
        Assert.hasText(effect, "effect must name the effect");
        Transactions.requireActive("CausalHistory.record");
        VectorClock clock = clocks.current(orderId);
        jdbc.sql("INSERT INTO causal_effects (order_id, effect, clock) VALUES (:orderId, :effect, :clock)")
                .param("orderId", orderId)
                .param("effect", effect)
                .param("clock", clock.toString())
                .update();
    }
}
