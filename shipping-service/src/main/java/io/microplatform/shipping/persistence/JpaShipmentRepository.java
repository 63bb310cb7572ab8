package io.microplatform.shipping.persistence;

import java.util.Optional;
import java.util.UUID;

import io.microplatform.shipping.domain.Shipment;
import io.microplatform.shipping.domain.ShipmentRepository;

import org.springframework.data.repository.Repository;

/** Spring Data's method names stay here; the domain port speaks the domain's. */
interface JpaShipmentRepository extends ShipmentRepository, Repository<Shipment, UUID> {

    Optional<Shipment> findByOrderId(UUID orderId);

    Shipment save(Shipment shipment);

    @Override
    default Optional<Shipment> ofOrder(UUID orderId) {
        return findByOrderId(orderId);
    }

    @Override
    default Shipment add(Shipment shipment) {
        return save(shipment);
    }
}
