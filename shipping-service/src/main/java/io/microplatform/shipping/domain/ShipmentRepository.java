package io.microplatform.shipping.domain;

import java.util.Optional;
import java.util.UUID;

import io.microplatform.support.domain.AggregateRepository;

/** Every order's one shipment, its natural key: how a redelivered or re-sent command finds the first answer. */
public interface ShipmentRepository extends AggregateRepository<Shipment> {

    Optional<Shipment> ofOrder(UUID orderId);

}
