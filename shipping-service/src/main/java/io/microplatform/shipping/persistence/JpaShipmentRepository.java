package io.microplatform.shipping.persistence;

import java.util.Optional;
import java.util.UUID;

import io.microplatform.shipping.domain.Shipment;
import io.microplatform.shipping.domain.ShipmentRepository;
import io.microplatform.support.persistence.SpringDataAggregateRepository;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Spring Data's method names stay here; the domain port speaks the domain's. */
interface JpaShipmentRepository extends ShipmentRepository, SpringDataAggregateRepository<Shipment, UUID> {

    // written out: Spring Data runs a derived query (findByOrderId) as a criteria query, which Hibernate translates
    // to SQL again on every execution, while the plan of a query string is cached (3.7 % of shipping-service's CPU
    // under load, docs/benchmark.md)
    @Query("select shipment from Shipment shipment where shipment.orderId = :orderId")
    Optional<Shipment> findByOrderId(@Param("orderId") UUID orderId);

    @Override
    default Optional<Shipment> ofOrder(UUID orderId) {
        return findByOrderId(orderId);
    }
}
