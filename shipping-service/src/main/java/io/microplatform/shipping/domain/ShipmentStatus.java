package io.microplatform.shipping.domain;

import io.microplatform.support.domain.Status;
import io.microplatform.support.domain.Transitions;

/** What shipping decided for an order. A created shipment is cancelled once; a cancellation and a refusal are final. */
public enum ShipmentStatus implements Status<ShipmentStatus> {
    CREATED,
    /** Cancelled after it was created, or before (a tombstone without address). */
    CANCELLED,
    /** CreateShipment was refused (address, country, carrier): nothing was created, and nothing ever will be. */
    REFUSED;

    /** The table of legal transitions, all of them. */
    private static final Transitions<ShipmentStatus> LEGAL = Transitions.of(ShipmentStatus.class)
            .from(CREATED).to(CANCELLED);

    @Override
    public Transitions<ShipmentStatus> transitions() {
        return LEGAL;
    }
}
