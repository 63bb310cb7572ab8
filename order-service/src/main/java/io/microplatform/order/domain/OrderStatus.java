package io.microplatform.order.domain;

/** PENDING while the order saga runs; it ends CONFIRMED or CANCELLED (the saga's ConfirmOrder or CancelOrder). */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    CANCELLED
}
