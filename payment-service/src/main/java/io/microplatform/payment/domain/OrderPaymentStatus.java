package io.microplatform.payment.domain;

import io.microplatform.support.domain.Status;
import io.microplatform.support.domain.Transitions;

/** What payment decided for an order. A charge is refunded once; a decline, a refund and a tombstone are final. */
public enum OrderPaymentStatus implements Status<OrderPaymentStatus> {
    CHARGED,
    REFUNDED,
    /** Refused; nothing was debited. */
    DECLINED,
    /** Refunded before any charge (a tombstone): nothing moved, and a late charge is declined. */
    CANCELLED;

    /** The table of legal transitions, all of them. */
    private static final Transitions<OrderPaymentStatus> LEGAL = Transitions.of(OrderPaymentStatus.class)
            .from(CHARGED).to(REFUNDED);

    @Override
    public Transitions<OrderPaymentStatus> transitions() {
        return LEGAL;
    }
}
