package io.microplatform.inventory.domain;

/** What inventory holds for an order. A reservation is released once; a refusal and a release are final. */
public enum ReservationStatus {
    /** The lines' units are out of stock, held for the order. */
    RESERVED,
    /** Nothing held any more: given back, or released before anything was reserved (a tombstone). */
    RELEASED,
    /** Refused for lack of stock; nothing was ever held. */
    REJECTED;

    /** The table of legal transitions, all of them; staying in a state is none. */
    public boolean canMoveTo(ReservationStatus next) {
        return switch (this) {
            case RESERVED -> next == RELEASED;
            case RELEASED, REJECTED -> false;
        };
    }

    /** @throws IllegalStateException for a transition the table does not list: a bug, never a business outcome */
    public ReservationStatus moveTo(ReservationStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("A reservation cannot go from " + this + " to " + next);
        }
        return next;
    }
}
