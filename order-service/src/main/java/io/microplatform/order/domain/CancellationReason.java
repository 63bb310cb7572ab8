package io.microplatform.order.domain;

/** Why the order saga cancelled an order; shown as the order's reason. */
public enum CancellationReason {
    OUT_OF_STOCK,
    PAYMENT_DECLINED,
    SHIPPING_FAILED,
    /** A participant stayed silent through every re-send of a command. */
    TIMED_OUT
}
