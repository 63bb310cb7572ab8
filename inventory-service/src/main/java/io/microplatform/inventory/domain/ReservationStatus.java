package io.microplatform.inventory.domain;

/** The only transition is RESERVED -> RELEASED; the other states are final when recorded. */
public enum ReservationStatus {
    /** The lines' units are out of stock, held for the order. */
    RESERVED,
    /** Nothing held any more: given back, or released before anything was reserved (a tombstone). */
    RELEASED,
    /** Refused for lack of stock; nothing was ever held. */
    REJECTED
}
