package io.microplatform.shipping.domain;

/** The only transition is CREATED -> CANCELLED; the other states are final when recorded. */
public enum ShipmentStatus {
    CREATED,
    /** Cancelled after it was created, or before (a tombstone without address). */
    CANCELLED,
    /** CreateShipment was refused (address, country, carrier): nothing was created, and nothing ever will be. */
    REFUSED
}
