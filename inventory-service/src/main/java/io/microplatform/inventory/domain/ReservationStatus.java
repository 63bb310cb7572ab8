package io.microplatform.inventory.domain;

import io.microplatform.support.domain.Status;
import io.microplatform.support.domain.Transitions;

/** What inventory holds for an order. A reservation is released once; a refusal and a release are final. */
public enum ReservationStatus implements Status<ReservationStatus> {
    /** The lines' units are out of stock, held for the order. */
    RESERVED,
    /** Nothing held any more: given back, or released before anything was reserved (a tombstone). */
    RELEASED,
    /** Refused for lack of stock; nothing was ever held. */
    REJECTED;

    /** The table of legal transitions, all of them. */
    private static final Transitions<ReservationStatus> LEGAL = Transitions.of(ReservationStatus.class)
            .from(RESERVED).to(RELEASED);

    @Override
    public Transitions<ReservationStatus> transitions() {
        return LEGAL;
    }
}
