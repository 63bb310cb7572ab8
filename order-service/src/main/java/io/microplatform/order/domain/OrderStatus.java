package io.microplatform.order.domain;

/** PENDING while the order saga runs; it ends CONFIRMED or CANCELLED (the saga's ConfirmOrder or CancelOrder). */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    CANCELLED;

    /** The table of legal transitions, all of them; staying in a state is none. */
    public boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case PENDING -> next == CONFIRMED || next == CANCELLED;
            case CONFIRMED, CANCELLED -> false;
        };
    }

    /** @throws IllegalStateException for a transition the table does not list: a bug, never a business outcome */
    public OrderStatus moveTo(OrderStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("An order cannot go from " + this + " to " + next);
        }
        return next;
    }
}
