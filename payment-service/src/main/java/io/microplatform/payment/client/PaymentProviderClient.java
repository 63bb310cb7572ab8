package io.microplatform.payment.client;

import java.math.BigDecimal;
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
 * The payment provider, an external dependency reached by a configured URL (not through Eureka). Its resilience4j
 * instances are all named {@value #REMOTE} and configured in application.yml. The annotations are written in the
 * order resilience4j applies them at run time: Retry outermost (every attempt passes the breaker and counts in its
 * window), then CircuitBreaker (an open breaker rejects an attempt without touching the network, and that rejection
 * is not retried), then Bulkhead innermost (its rejection is ignored by the breaker, so a full bulkhead never opens
 * it, and not retried). Retrying is safe because the provider's charge is idempotent per order id.
 *
 * <p>Exceptions are not translated: ResourceAccessException (refused, timed out) and HttpServerErrorException (5xx)
 * are the technical failures the breaker records and the retry repeats; {@link PaymentProviderRejectedException}
 * (4xx) is a definite answer; CallNotPermittedException (breaker open) and BulkheadFullException fail at once.
 */
public class PaymentProviderClient {

    public static final String REMOTE = "payment-provider";

    private final RestClient http;

    PaymentProviderClient(RestClient http) {
        this.http = http;
    }

    /** Asks the provider to authorize the order's charge; the same order always gets the same authorization id. */
    @Retry(name = REMOTE)
    @CircuitBreaker(name = REMOTE)
    @Bulkhead(name = REMOTE)
    public String authorize(UUID orderId, String customerId, BigDecimal amount) {
        Authorization authorization = http.post()
                .uri("/charges")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ChargeRequest(orderId, customerId, amount))
                .retrieve()
                .onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {
                    throw new PaymentProviderRejectedException(response.getStatusCode().value(),
                            StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8));
                })
                .body(Authorization.class);
        return Objects.requireNonNull(authorization, "the payment provider answered without a body").authorizationId();
    }

    record ChargeRequest(UUID orderId, String customerId, BigDecimal amount) {
    }

    record Authorization(String authorizationId) {
    }
}
