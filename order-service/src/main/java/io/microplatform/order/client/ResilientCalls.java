package io.microplatform.order.client;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * The resilience4j instances of one remote ({@code inventory}, {@code shipping}), configured under
 * {@code resilience4j.*.instances.<remote>} in application.yml, and the one order they are applied in:
 * <pre>
 *   Retry( CircuitBreaker( Bulkhead( call ) ) )
 * </pre>
 * resilience4j's own annotation order, written out so the source reads like the runtime (see docs/resilience.md):
 * <ul>
 * <li>Bulkhead innermost: it limits calls actually in flight. Its rejection (BulkheadFullException) passes through the
 * breaker, which ignores it (ignore-exceptions): a full bulkhead says this service is busy, not that the remote
 * failed.</li>
 * <li>CircuitBreaker around it: every attempt is one call in its sliding window, so three failed attempts are three
 * failures, and an open breaker rejects (CallNotPermittedException) before any bulkhead permit or socket is taken.</li>
 * <li>Retry outermost: it retries only what {@link RetryableFailure} allows, never an open breaker or a full
 * bulkhead, so retries cannot hammer a remote the breaker has given up on.</li>
 * </ul>
 */
final class ResilientCalls {

    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    private final Retry retry;

    ResilientCalls(String remote, CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads,
            RetryRegistry retries) {
        // by name, with the configuration of resilience4j.<pattern>.instances.<remote> (or configs.default)
        this.circuitBreaker = circuitBreakers.circuitBreaker(remote);
        this.bulkhead = bulkheads.bulkhead(remote);
        this.retry = retries.retry(remote);
    }

    <T> T call(Supplier<T> call) {
        Supplier<T> limited = Bulkhead.decorateSupplier(bulkhead, call);
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(circuitBreaker, limited);
        Supplier<T> retried = Retry.decorateSupplier(retry, guarded);
        return retried.get();
    }

    /** How long an open breaker waits before it lets probes through: what a 503's Retry-After says. */
    Duration retryAfter() {
        return Duration.ofMillis(circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
    }

    CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    Bulkhead bulkhead() {
        return bulkhead;
    }

    Retry retry() {
        return retry;
    }
}
