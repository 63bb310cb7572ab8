package io.microplatform.payment.domain;

/** What payment decided for an order. A charge is refunded once; a decline, a refund and a tombstone are final. */
public enum OrderPaymentStatus {
    CHARGED,
    REFUNDED,
    /** Refused; nothing was debited. */
    DECLINED,
    /** Refunded before any charge (a tombstone): nothing moved, and a late charge is declined. */
    CANCELLED;

    /** The table of legal transitions, all of them; staying in a state is none. */
    public boolean canMoveTo(OrderPaymentStatus next) {
        return switch (this) {
            case CHARGED -> next == REFUNDED;
            case REFUNDED, DECLINED, CANCELLED -> false;
        };
    }

    /** @throws IllegalStateException for a transition the table does not list: a bug, never a business outcome */
    public OrderPaymentStatus moveTo(OrderPaymentStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("An order's payment cannot go from " + this + " to " + next);
        }
        return next;
    }
}
