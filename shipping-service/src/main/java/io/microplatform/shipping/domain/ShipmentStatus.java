package io.microplatform.shipping.domain;

/** The only transition is CREATED -> CANCELLED. */
public enum ShipmentStatus {
    CREATED,
    /** Cancelled after it was created, or before (a tombstone without address). */
    CANCELLED
}
