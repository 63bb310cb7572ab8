package io.microplatform.shipping.simulated;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.microplatform.support.client.ThirdPartyClient;
import io.microplatform.support.client.ThirdPartyNotConfiguredException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * STAND-IN FOR A THIRD PARTY: the carrier shipping-service books its shipments with. It is not part of
 * shipping-service's API and shares nothing with it but the process: shipping-service calls it over HTTP by a
 * configured URL (shipping.carrier.base-url) like any external carrier, so it can be swapped for a real one, a
 * separate process, or made slow and failing by the fault injection's inbound-route faults on /simulated/carrier/**.
 * It exists only under the profile simulated-third-parties (the local stack, the compose demo, the tests): a
 * production deployment has no such route.
 *
 * <p>It books every well-formed request, idempotently per Idempotency-Key (400 without one): the same key gets the
 * same tracking number again, which is what makes the caller's retries safe. The bookings live in memory, as a third
 * party's state is not ours to keep in our database, and only the last {@value #REMEMBERED} keys are kept, so a
 * stack that runs for days does not grow without end; a key forgotten (or lost with a restart) gets a new number
 * when it is sent again, which only a repeat long after its first call can see.
 */
@RestController
@RequestMapping("/simulated/carrier")
@Profile(ThirdPartyNotConfiguredException.SIMULATED_PROFILE)
class SimulatedCarrierController {

    static final int REMEMBERED = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SimulatedCarrierController.class);

    private final Cache<String, Booking> bookings;
    private final AtomicLong numbers = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    SimulatedCarrierController() {
        this(REMEMBERED);
    }

    SimulatedCarrierController(int remembered) {
        // evictions on the calling thread: no work left behind in the common pool
        bookings = Caffeine.newBuilder().maximumSize(remembered).executor(Runnable::run).build();
    }

    @PostMapping("/bookings")
    // the body before the header: a malformed body is answered as such, with or without a key
    Booking book(@Valid @RequestBody BookingRequest booking,
            @RequestHeader(ThirdPartyClient.IDEMPOTENCY_KEY) String idempotencyKey) {
        return bookings.get(idempotencyKey, key -> {
            Booking booked = new Booking("SIM" + booking.country() + numbers.incrementAndGet());
            log.info("Simulated carrier booked order {} to {} {}: {}", booking.orderId(), booking.postalCode(),
                    booking.country(), booked.trackingNumber());
            return booked;
        });
    }

    /** How many bookings it holds now. */
    long remembered() {
        bookings.cleanUp();
        return bookings.estimatedSize();
    }

    record BookingRequest(@NotNull UUID orderId, @NotBlank String postalCode, @NotBlank String country) {
    }

    record Booking(String trackingNumber) {
    }
}
