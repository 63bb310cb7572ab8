package io.microplatform.shipping.domain;

import java.util.Optional;
import java.util.UUID;

public interface ShipmentRepository {

    Optional<Shipment> findByOrderId(UUID orderId);

    Shipment save(Shipment shipment);
}
