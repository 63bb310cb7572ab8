package io.microplatform.shipping.api;

import java.time.Instant;
import java.util.UUID;

import io.microplatform.shipping.domain.Address;
import io.microplatform.shipping.domain.Shipment;
import io.microplatform.shipping.domain.ShipmentStatus;

/** The address flattened into the shipment; times as ISO-8601 strings. */
record ShipmentResponse(UUID id, UUID orderId, ShipmentStatus status, String name, String street, String city,
        String postalCode, String country, Instant createdAt, Instant updatedAt) {

    static ShipmentResponse of(Shipment shipment) {
        Address address = shipment.address();
        return new ShipmentResponse(shipment.id(), shipment.orderId(), shipment.status(), address.name(),
                address.street(), address.city(), address.postalCode(), address.country(), shipment.createdAt(),
                shipment.updatedAt());
    }
}
