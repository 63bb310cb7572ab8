package io.microplatform.support.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.decorators.Decorators;
import io.github.resilience4j.retry.Retry;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * One third party's HTTP API (a payment provider, a carrier), called through the resilience4j instances named after it
 * and configured under {@code resilience4j.*.instances.<remote>}. Composed with resilience4j's Decorators in the
 * order resilience4j's own annotations apply them, innermost first, so the source reads like the runtime:
 * <pre>
 *   Retry( CircuitBreaker( Bulkhead( POST ) ) )
 * </pre>
 * Every attempt passes the breaker and counts in its window; an open breaker rejects an attempt without touching the
 * network (CallNotPermittedException), and the retry does not repeat that; a full bulkhead rejects at once
 * (BulkheadFullException), ignored by the breaker and not retried. No time limiter: the caller is a Kafka listener
 * thread that waits for the answer anyway, and the read timeout bounds one attempt.
 *
 * <p>Exceptions are not translated: ResourceAccessException (refused, timed out) and HttpServerErrorException (5xx)
 * are the technical failures the breaker records and the retry repeats (application.yml); a 4xx is the service's
 * {@link ThirdPartyRejectedException}, a definite answer. Retrying is safe only because the third party's operation is
 * idempotent per key (the order id the request carries).
 */
public final class ThirdPartyClient {

    private final RestClient http;
    private final Instances resilience;

    ThirdPartyClient(RestClient http, Rejection rejection, Instances resilience) {
        // a 4xx is a definite answer on every call: the service's own rejection, with the body the third party sent
        this.http = http.mutate()
                .defaultStatusHandler(HttpStatusCode::is4xxClientError, (sent, response) -> {
                    throw rejection.of(response.getStatusCode().value(),
                            StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8));
                })
                .build();
        this.resilience = resilience;
    }

    /**
     * POSTs the request as JSON to the path below the third party's base URL and reads its JSON answer.
     *
     * @throws ThirdPartyRejectedException the service's own kind, when the third party answered 4xx
     */
    public <T> T post(String path, Object request, Class<T> answerType) {
        return Decorators.ofSupplier(() -> attempt(path, request, answerType))
                .withBulkhead(resilience.bulkhead())
                .withCircuitBreaker(resilience.circuitBreaker())
                .withRetry(resilience.retry())
                .get();
    }

    private <T> T attempt(String path, Object request, Class<T> answerType) {
        T answer = http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(answerType);
        return Objects.requireNonNull(answer,
                () -> resilience.circuitBreaker().getName() + " answered " + path + " without a body");
    }

    /** The third party's resilience4j instances, all named after it. */
    record Instances(CircuitBreaker circuitBreaker, Bulkhead bulkhead, Retry retry) {
    }

    /** How a service turns a third party's 4xx into its own {@link ThirdPartyRejectedException}. */
    @FunctionalInterface
    public interface Rejection {

        ThirdPartyRejectedException of(int status, String detail);
    }
}
