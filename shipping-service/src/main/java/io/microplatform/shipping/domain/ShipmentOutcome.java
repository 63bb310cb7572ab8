package io.microplatform.shipping.domain;

/** The answer to "ship this order": a value, because an undeliverable address is business, not an error. */
public sealed interface ShipmentOutcome {

    record Created() implements ShipmentOutcome {
    }

    /** No shipment was created. */
    record Failed(String reason) implements ShipmentOutcome {
    }
}
