package io.microplatform.saga.definition;

/** Why a saga undid its work; order-service shows it as the order's reason. */
public enum CancellationReason {
    OUT_OF_STOCK,
    PAYMENT_DECLINED,
    SHIPPING_FAILED,
    /**
     * A participant stayed silent through every re-send: its outcome is unknown, so its step is compensated too. Also
     * the reason of an order that order-service reported stalled without ever getting a saga (its OrderPlaced was lost).
     */
    TIMED_OUT,
    /** The order's OrderPlaced could never become a saga (it breaks the contracts' field limits): it is cancelled. */
    REJECTED
}
