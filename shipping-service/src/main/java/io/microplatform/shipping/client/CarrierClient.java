package io.microplatform.shipping.client;

import java.util.UUID;

import io.microplatform.support.client.ThirdPartyClient;

/**
 * The carrier, an external dependency reached by a configured URL (not through Eureka), through its resilience4j
 * instances, all named {@value #REMOTE} and configured in application.yml: Retry(CircuitBreaker(TimeLimiter(Bulkhead(
 * call)))), see service-support's ThirdPartyClient. Retrying is safe because the carrier's booking is idempotent per
 * Idempotency-Key, derived from the order id. Throws {@link CarrierRejectedException} for the carrier's 4xx, and the
 * resilience4j and RestClient exceptions of a carrier that is down.
 */
public class CarrierClient {

    public static final String REMOTE = "carrier";

    private final ThirdPartyClient carrier;

    CarrierClient(ThirdPartyClient carrier) {
        this.carrier = carrier;
    }

    /**
     * Books the order's shipment with the carrier; the same order always gets the same tracking number. The
     * idempotency key is the order's: one shipment per order, whichever delivery of CreateShipment or attempt sends it.
     */
    public String book(UUID orderId, String postalCode, String country) {
        return carrier.post("/bookings", new BookingRequest(orderId, postalCode, country), "booking-" + orderId,
                Booking.class).trackingNumber();
    }

    record BookingRequest(UUID orderId, String postalCode, String country) {
    }

    record Booking(String trackingNumber) {
    }
}
