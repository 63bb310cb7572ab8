package io.microplatform.shipping.simulated;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * STAND-IN FOR A THIRD PARTY: the carrier shipping-service books its shipments with. It is not part of
 * shipping-service's API and shares nothing with it but the process: shipping-service calls it over HTTP by a
 * configured URL (shipping.carrier.base-url) like any external carrier, so it can be swapped for a real one, a
 * separate process, or made slow and failing by the fault injection's inbound-route faults on /simulated/carrier/**.
 *
 * <p>It books every well-formed request, idempotently per order id: the same order gets the same tracking number
 * again, which is what makes the caller's retries safe. The bookings live in memory, as a third party's state is not
 * ours to keep in our database; a restart forgets them (a re-sent booking then gets a new number).
 */
@RestController
@RequestMapping("/simulated/carrier")
class SimulatedCarrierController {

    private static final Logger log = LoggerFactory.getLogger(SimulatedCarrierController.class);

    private final Map<UUID, Booking> bookings = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    @PostMapping("/bookings")
    Booking book(@Valid @RequestBody BookingRequest booking) {
        return bookings.computeIfAbsent(booking.orderId(), orderId -> {
            Booking booked = new Booking("SIM" + booking.country() + numbers.incrementAndGet());
            log.info("Simulated carrier booked order {} to {} {}: {}", orderId, booking.postalCode(), booking.country(),
                    booked.trackingNumber());
            return booked;
        });
    }

    record BookingRequest(@NotNull UUID orderId, @NotBlank String postalCode, @NotBlank String country) {
    }

    record Booking(String trackingNumber) {
    }
}
