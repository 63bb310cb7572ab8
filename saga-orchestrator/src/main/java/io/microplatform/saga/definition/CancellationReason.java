package io.microplatform.saga.definition;

/** Why a saga undid its work; order-service shows it as the order's reason. */
public enum CancellationReason {
    OUT_OF_STOCK,
    PAYMENT_DECLINED,
    SHIPPING_FAILED,
    /** A participant stayed silent through every re-send: its outcome is unknown, so its step is compensated too. */
    TIMED_OUT
}
