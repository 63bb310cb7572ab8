package io.microplatform.shipping;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.shipping.domain.Address;
import io.microplatform.shipping.domain.DestinationRepository;
import io.microplatform.shipping.domain.Quote;
import io.microplatform.shipping.domain.Shipment;
import io.microplatform.shipping.domain.ShipmentOutcome;
import io.microplatform.shipping.domain.ShipmentOutcome.Failed;
import io.microplatform.shipping.domain.ShipmentRepository;
import io.microplatform.shipping.domain.UnsupportedCountryException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shipments for the order saga and quotes for order placement. The saga's use cases are one transaction each and
 * idempotent per order: the order's one shipment (unique order id) is looked up first, so a redelivered or re-sent
 * command changes nothing and is answered as the first one was.
 */
@Service
@Transactional
public class ShippingManagement {

    private final DestinationRepository destinations;
    private final ShipmentRepository shipments;

    ShippingManagement(DestinationRepository destinations, ShipmentRepository shipments) {
        this.destinations = destinations;
        this.shipments = shipments;
    }

    /**
     * Creates the order's shipment unless the address is undeliverable. A refusal stores nothing: the same address
     * is refused again on a redelivery, as destinations do not change while the service runs.
     */
    public ShipmentOutcome create(UUID orderId, Address address) {
        Optional<Shipment> existing = shipments.findByOrderId(orderId);
        if (existing.isPresent()) {
            return existing.get().outcome();
        }
        Optional<String> refusal = Shipment.refusal(address,
                address == null || address.country() == null ? Optional.empty() : destinations.findByCountryCode(address.country()));
        if (refusal.isPresent()) {
            return new Failed(refusal.get());
        }
        return shipments.save(Shipment.create(orderId, address)).outcome();
    }

    /**
     * Cancels the order's shipment once. Without one it records a cancelled tombstone, so that a CreateShipment
     * arriving after its compensation (a late re-send) is refused instead of shipping an order nobody will cancel.
     */
    public void cancel(UUID orderId) {
        shipments.findByOrderId(orderId).ifPresentOrElse(
                Shipment::cancel,
                () -> shipments.save(Shipment.cancelledBeforeCreated(orderId)));
    }

    /** The order's shipment, if one was created (a tombstone is none); a list, as the API answers one. */
    @Transactional(readOnly = true)
    public List<Shipment> shipmentsOf(UUID orderId) {
        return shipments.findByOrderId(orderId).filter(Shipment::wasCreated).stream().toList();
    }

    /** Flat rate per destination: the items do not change the cost (yet). */
    @Transactional(readOnly = true)
    public Quote quote(String country) {
        return destinations.findByCountryCode(country)
                .map(destination -> new Quote(destination.countryCode(), destination.rate()))
                .orElseThrow(() -> new UnsupportedCountryException(country));
    }
}
