package io.microplatform.shipping.persistence;

import java.util.UUID;

import io.microplatform.shipping.domain.Shipment;
import io.microplatform.shipping.domain.ShipmentRepository;

import org.springframework.data.repository.Repository;

interface JpaShipmentRepository extends ShipmentRepository, Repository<Shipment, UUID> {
}
