package io.microplatform.shipping.persistence;

import java.util.Optional;
import java.util.UUID;

import io.microplatform.shipping.domain.Shipment;
import io.microplatform.shipping.domain.ShipmentRepository;
import io.microplatform.support.persistence.SpringDataAggregateRepository;

/** Spring Data's method names stay here; the domain port speaks the domain's. */
interface JpaShipmentRepository extends ShipmentRepository, SpringDataAggregateRepository<Shipment, UUID> {

    Optional<Shipment> findByOrderId(UUID orderId);

    @Override
    default Optional<Shipment> ofOrder(UUID orderId) {
        return findByOrderId(orderId);
    }
}
