package io.microplatform.shipping.domain;

/** What shipping decided for an order. A created shipment is cancelled once; a cancellation and a refusal are final. */
public enum ShipmentStatus {
    CREATED,
    /** Cancelled after it was created, or before (a tombstone without address). */
    CANCELLED,
    /** CreateShipment was refused (address, country, carrier): nothing was created, and nothing ever will be. */
    REFUSED;

    /** The table of legal transitions, all of them; staying in a state is none. */
    public boolean canMoveTo(ShipmentStatus next) {
        return switch (this) {
            case CREATED -> next == CANCELLED;
            case CANCELLED, REFUSED -> false;
        };
    }

    /** @throws IllegalStateException for a transition the table does not list: a bug, never a business outcome */
    public ShipmentStatus moveTo(ShipmentStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("A shipment cannot go from " + this + " to " + next);
        }
        return next;
    }
}
