package io.microplatform.shipping;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.messaging.CausalHistory;
import io.microplatform.messaging.Duplicates;
import io.microplatform.shipping.client.CarrierClient;
import io.microplatform.shipping.domain.Address;
import io.microplatform.shipping.domain.DestinationRepository;
import io.microplatform.shipping.domain.Quote;
import io.microplatform.shipping.domain.Shipment;
import io.microplatform.shipping.domain.ShipmentOutcome;
import io.microplatform.shipping.domain.ShipmentRepository;
import io.microplatform.shipping.domain.UnsupportedCountryException;
import io.microplatform.support.client.ThirdPartyRejectedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shipments for the order saga and quotes for order placement, idempotent per order: the order's one shipment
 * (unique order id, the natural key) is looked up first, so a redelivered or re-sent command changes nothing, is
 * answered as the first one was and is counted in Duplicates.
 *
 * <p>Creating a shipment has two steps: {@link #book} books it with the external carrier, outside any transaction,
 * so a slow carrier holds no database connection; then {@link #create}, one transaction, stores the shipment.
 */
@Service
public class ShippingManagement {

    private static final Logger log = LoggerFactory.getLogger(ShippingManagement.class);

    private final DestinationRepository destinations;
    private final ShipmentRepository shipments;
    private final CarrierClient carrier;
    private final CausalHistory history;
    private final Duplicates duplicates;

    ShippingManagement(DestinationRepository destinations, ShipmentRepository shipments, CarrierClient carrier,
            CausalHistory history, Duplicates duplicates) {
        this.destinations = destinations;
        this.shipments = shipments;
        this.carrier = carrier;
        this.history = history;
        this.duplicates = duplicates;
    }

    /**
     * Step one, to be called outside a transaction: books the shipment with the carrier, unless the order has its
     * answer already (a redelivery, a re-send, a cancellation that came first: the carrier is not asked again) or
     * the address is refused anyway (incomplete, postal code 00000, unsupported country: {@link #create} answers
     * that without bothering the carrier).
     *
     * @return the carrier's refusal, empty when the shipment may be created
     * @throws RuntimeException when the carrier could not be asked (down, slow, breaker open, bulkhead full, or a
     *         4xx that is no refusal): a technical failure, the caller must not answer but let the delivery fail
     */
    public Optional<String> book(UUID orderId, Address address) {
        // each look-up is a short read-only transaction of its own (the repositories' default)
        if (shipments.ofOrder(orderId).isPresent() || refusal(address).isPresent()) {
            return Optional.empty();
        }
        return ThirdPartyRejectedException.refusalOf(() -> {
            String trackingNumber = carrier.book(orderId, address.postalCode(), address.country());
            log.info("Carrier booked order {}: tracking number {}", orderId, trackingNumber);
        }, "the carrier refused the shipment");
    }

    /**
     * Step two, in the caller's transaction: creates the order's shipment unless the address is undeliverable or
     * the carrier refused it. A refusal is stored too, so that every later CreateShipment for the order gets the
     * same answer and creates nothing, even once the carrier (or a new destination) would accept it: the saga may
     * have compensated the refused step already. Each decision is recorded in the order's causal history; an answer
     * from the stored row is not a new one.
     */
    @Transactional
    public ShipmentOutcome create(UUID orderId, Address address, Optional<String> carrierRefusal) {
        Optional<Shipment> existing = shipments.ofOrder(orderId);
        if (existing.isPresent()) {
            // a tombstone answers a late first CreateShipment: no repeat, though it changes nothing either
            if (existing.get().answeredCreateShipment()) {
                duplicates.skipped("shipping.create-shipment", orderId);
            }
            return existing.get().outcome();
        }
        Optional<String> refusal = refusal(address).or(() -> carrierRefusal);
        Shipment decided = shipments.add(refusal.isPresent()
                ? Shipment.refused(orderId, refusal.get())
                : Shipment.create(orderId, address));
        history.record(orderId, decided.wasCreated() ? "shipping.created" : "shipping.refused");
        return decided.outcome();
    }

    private Optional<String> refusal(Address address) {
        return Shipment.refusal(address, address == null || address.country() == null
                ? Optional.empty()
                : destinations.forCountry(address.country()));
    }

    /**
     * Cancels the order's shipment once. Without one it records a cancelled tombstone, so that a CreateShipment
     * arriving after its compensation (a late re-send) is refused instead of shipping an order nobody will cancel.
     */
    @Transactional
    public void cancel(UUID orderId) {
        shipments.ofOrder(orderId).ifPresentOrElse(
                shipment -> {
                    if (shipment.cancel()) {
                        history.record(orderId, "shipping.cancelled");
                    } else if (shipment.answeredCancelShipment()) {
                        duplicates.skipped("shipping.cancel-shipment", orderId);
                    }
                },
                // a tombstone undoes nothing: no effect to record
                () -> shipments.add(Shipment.cancelledBeforeCreated(orderId)));
    }

    /** The order's shipment, if one was created (a tombstone is none); a list, as the API answers one. */
    @Transactional(readOnly = true)
    public List<Shipment> shipmentsOf(UUID orderId) {
        return shipments.ofOrder(orderId).filter(Shipment::wasCreated).stream().toList();
    }

    /** Flat rate per destination: the items do not change the cost (yet). */
    @Transactional(readOnly = true)
    public Quote quote(String country) {
        return destinations.forCountry(country)
                .map(destination -> new Quote(destination.countryCode(), destination.rate()))
                .orElseThrow(() -> new UnsupportedCountryException(country));
    }
}
