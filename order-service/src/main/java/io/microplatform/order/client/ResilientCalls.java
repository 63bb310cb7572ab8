package io.microplatform.order.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.decorators.Decorators;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls to one remote ({@code inventory}, {@code shipping}): its HTTP client and its resilience4j instances,
 * configured under {@code resilience4j.*.instances.<remote>} in application.yml, composed with resilience4j's
 * Decorators in the order its annotations apply them, innermost first, so the source reads like the runtime (see
 * docs/resilience.md):
 * <pre>
 *   Fallback( Retry( CircuitBreaker( TimeLimiter( Bulkhead( call on a worker thread ) ) ) ) )
 * </pre>
 * <ul>
 * <li>Bulkhead innermost: it limits calls actually in flight. Its permit is taken on the caller's thread and given
 * back when the HTTP call really ends, even after the time limiter stopped waiting for it, so a remote that hangs
 * fills the bulkhead instead of the worker pool. Its rejection (BulkheadFullException) passes through the breaker,
 * which ignores it: a full bulkhead says this service is busy, not that the remote failed.</li>
 * <li>TimeLimiter around it: the most the caller waits for one attempt, whatever the remote does. The HTTP client's
 * read timeout is a limit on silence between two packets, so a remote that trickles its answer a byte at a time
 * never trips it; the time limiter ends the wait for the whole exchange (pool lease, connect, request, every byte of
 * the answer). The worker thread cannot be interrupted out of a blocking socket read: it ends at the read timeout,
 * which is why read-timeout stays a little above the time limit (application.yml). The time limiter needs the
 * attempt as a future, which is why the two innermost steps are a completion stage and the rest a callable.</li>
 * <li>CircuitBreaker around that: every attempt is one call in its sliding window, a time-out a failure, so three
 * failed attempts are three failures, and an open breaker rejects (CallNotPermittedException) before any bulkhead
 * permit, thread or socket is taken.</li>
 * <li>Retry around that: it retries only what {@link RetryableFailure} allows, never an open breaker, a full bulkhead
 * or a time-out, so retries cannot hammer a remote the breaker has given up on, nor multiply a slow one's wait.</li>
 * <li>Fallback outermost: once the retry has given up, only an answer that says the remote is down or out of reach
 * ({@link #REMOTE_DOWN}) goes to the caller's fallback. Anything else (a 4xx, a bug) reaches the caller as it is.</li>
 * </ul>
 */
final class ResilientCalls {

    /**
     * The remote failed or could not be reached: an I/O failure before an answer (refused, reset, timed out, no
     * instance: see NoInstanceAsIoFailure), a 5xx, an attempt over its time limit, an open breaker, a full bulkhead.
     */
    private static final List<Class<? extends Throwable>> REMOTE_DOWN = List.of(ResourceAccessException.class,
            HttpServerErrorException.class, TimeoutException.class, CallNotPermittedException.class,
            BulkheadFullException.class);

    private final RestClient http;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final Bulkhead bulkhead;
    private final Retry retry;
    private final ExecutorService workers;

    /**
     * @param http the remote's client, with its base URL (see ClientConfiguration)
     * @param workers runs each attempt, with the caller's trace context (see ClientConfiguration); as many threads as
     *        attempts in flight, which the bulkheads bound
     */
    ResilientCalls(String remote, RestClient http, CircuitBreakerRegistry circuitBreakers,
            TimeLimiterRegistry timeLimiters, BulkheadRegistry bulkheads, RetryRegistry retries,
            ExecutorService workers) {
        this.http = http;
        // by name, with the configuration of resilience4j.<pattern>.instances.<remote> (or configs.default)
        this.circuitBreaker = circuitBreakers.circuitBreaker(remote);
        this.timeLimiter = timeLimiters.timeLimiter(remote);
        this.bulkhead = bulkheads.bulkhead(remote);
        this.retry = retries.retry(remote);
        this.workers = workers;
    }

    /**
     * A look-up: what the remote answers, or empty when it answers {@code none}, the 4xx that means there is no such
     * thing (an unknown sku, a country it does not ship to).
     *
     * @param request what is asked, for the exception of a 4xx that is no answer
     * @param attempt one attempt with the remote's client; what it throws is recorded, retried and handed to the
     *        fallback as application.yml and {@link #REMOTE_DOWN} say
     * @param fallback what stands in while the remote is down: given the last failure (an attempt over its time limit
     *        as a {@link TimeLimitExceededException}), it returns the stand-in or throws
     * @throws IllegalStateException for a 4xx other than {@code none}: this client asks wrongly, a bug here, not an
     *         outage there (neither recorded by the breaker nor retried, see application.yml)
     */
    <T> Optional<T> lookup(String request, Function<RestClient, T> attempt, HttpStatus none,
            Function<RuntimeException, Optional<T>> fallback) {
        return call(request, () -> {
            try {
                return Optional.of(attempt.apply(http));
            }
            catch (HttpClientErrorException e) {
                if (e.getStatusCode().isSameCodeAs(none)) {
                    return Optional.empty();
                }
                throw e;
            }
        }, fallback);
    }

    private <T> T call(String request, Supplier<T> attempt, Function<RuntimeException, T> fallback) {
        Callable<T> limited = timeLimiter.decorateFutureSupplier(() -> Decorators
                .ofCompletionStage(() -> CompletableFuture.supplyAsync(attempt, workers))
                .withBulkhead(bulkhead)
                .get()
                .toCompletableFuture());
        Callable<T> resilient = Decorators.ofCallable(limited)
                .withCircuitBreaker(circuitBreaker)
                .withRetry(retry)
                .withFallback(REMOTE_DOWN, down -> fallback.apply(unchecked(down)))
                .decorate();
        try {
            return resilient.call();
        }
        catch (HttpClientErrorException e) {
            throw new IllegalStateException(circuitBreaker.getName() + " refused " + request + ": " + e.getMessage(), e);
        }
        catch (RuntimeException | Error failure) {
            throw failure;
        }
        catch (Exception checked) {
            // the attempt is a Supplier and a time-out went to the fallback: only an interrupted wait is left
            throw new IllegalStateException(checked);
        }
    }

    /** The time limiter's own TimeoutException, unchecked from here on and named after the remote and its limit. */
    private RuntimeException unchecked(Throwable down) {
        if (down instanceof TimeoutException timedOut) {
            return new TimeLimitExceededException(timeLimiter.getName(), timeLimit(), timedOut);
        }
        return (RuntimeException) down;
    }

    /** Each remote's instances, by its name, from the same registries and worker threads. */
    record Factory(CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters, BulkheadRegistry bulkheads,
            RetryRegistry retries, ExecutorService workers) {

        ResilientCalls forRemote(String remote, RestClient http) {
            return new ResilientCalls(remote, http, circuitBreakers, timeLimiters, bulkheads, retries, workers);
        }
    }

    /** How long an open breaker waits before it lets probes through: what a 503's Retry-After says. */
    Duration retryAfter() {
        return Duration.ofMillis(circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
    }

    Duration timeLimit() {
        return timeLimiter.getTimeLimiterConfig().getTimeoutDuration();
    }
}
