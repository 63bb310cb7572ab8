package io.microplatform.shipping.domain;

import java.util.Optional;
import java.util.UUID;

/** Every order's one shipment, its natural key: how a redelivered or re-sent command finds the first answer. */
public interface ShipmentRepository {

    Optional<Shipment> ofOrder(UUID orderId);

    /** Stores a new shipment; a changed one is written when the transaction commits. */
    Shipment add(Shipment shipment);
}
