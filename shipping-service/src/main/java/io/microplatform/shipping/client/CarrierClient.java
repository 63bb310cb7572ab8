package io.microplatform.shipping.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * The carrier, an external dependency reached by a configured URL (not through Eureka). Its resilience4j instances
 * are all named {@value #REMOTE} and configured in application.yml. The annotations are written in the order
 * resilience4j applies them at run time: Retry outermost (every attempt passes the breaker and counts in its
 * window), then CircuitBreaker (an open breaker rejects an attempt without touching the network, and that rejection
 * is not retried), then Bulkhead innermost (its rejection is ignored by the breaker, so a full bulkhead never opens
 * it, and not retried). Retrying is safe because the carrier's booking is idempotent per order id.
 *
 * <p>Exceptions are not translated: ResourceAccessException (refused, timed out) and HttpServerErrorException (5xx)
 * are the technical failures the breaker records and the retry repeats; {@link CarrierRejectedException} (4xx) is a
 * definite answer; CallNotPermittedException (breaker open) and BulkheadFullException fail at once.
 */
public class CarrierClient {

    public static final String REMOTE = "carrier";

    private final RestClient http;

    CarrierClient(RestClient http) {
        this.http = http;
    }

    /** Books the order's shipment with the carrier; the same order always gets the same tracking number. */
    @Retry(name = REMOTE)
    @CircuitBreaker(name = REMOTE)
    @Bulkhead(name = REMOTE)
    public String book(UUID orderId, String postalCode, String country) {
        Booking booking = http.post()
                .uri("/bookings")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new BookingRequest(orderId, postalCode, country))
                .retrieve()
                .onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {
                    throw new CarrierRejectedException(response.getStatusCode().value(),
                            StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8));
                })
                .body(Booking.class);
        return Objects.requireNonNull(booking, "the carrier answered without a body").trackingNumber();
    }

    record BookingRequest(UUID orderId, String postalCode, String country) {
    }

    record Booking(String trackingNumber) {
    }
}
