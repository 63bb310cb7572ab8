package io.microplatform.order.domain;

/** Why the order saga cancelled an order; shown as the order's reason. */
public enum CancellationReason {
    OUT_OF_STOCK,
    PAYMENT_DECLINED,
    SHIPPING_FAILED,
    /**
     * A participant stayed silent through every re-send of a command, or the order stayed PENDING without a saga past
     * its reconciliation limit (OrderStalled).
     */
    TIMED_OUT,
    /** The orchestrator could not start a saga for the order: its OrderPlaced broke the field contract. */
    REJECTED
}
