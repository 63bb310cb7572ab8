package io.microplatform.order.domain;

import io.microplatform.support.domain.Status;
import io.microplatform.support.domain.Transitions;

/** PENDING while the order saga runs; it ends CONFIRMED or CANCELLED (the saga's ConfirmOrder or CancelOrder). */
public enum OrderStatus implements Status<OrderStatus> {
    PENDING,
    CONFIRMED,
    CANCELLED;

    /** The table of legal transitions, all of them. */
    private static final Transitions<OrderStatus> LEGAL = Transitions.of(OrderStatus.class)
            .from(PENDING).to(CONFIRMED, CANCELLED);

    @Override
    public Transitions<OrderStatus> transitions() {
        return LEGAL;
    }
}
