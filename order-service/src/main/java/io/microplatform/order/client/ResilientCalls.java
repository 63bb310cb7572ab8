package io.microplatform.order.client;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

/**
 * The resilience4j instances of one remote ({@code inventory}, {@code shipping}), configured under
 * {@code resilience4j.*.instances.<remote>} in application.yml, and the one order they are applied in:
 * <pre>
 *   Retry( CircuitBreaker( TimeLimiter( Bulkhead( call on a worker thread ) ) ) )
 * </pre>
 * resilience4j's own annotation order, written out so the source reads like the runtime (see docs/resilience.md):
 * <ul>
 * <li>Bulkhead innermost: it limits calls actually in flight. Its permit is taken on the caller's thread and given
 * back when the HTTP call really ends, even after the time limiter stopped waiting for it, so a remote that hangs
 * fills the bulkhead instead of the worker pool. Its rejection (BulkheadFullException) passes through the breaker,
 * which ignores it: a full bulkhead says this service is busy, not that the remote failed.</li>
 * <li>TimeLimiter around it: the most the caller waits for one attempt, whatever the remote does. The HTTP client's
 * read timeout is a limit on silence between two packets, so a remote that trickles its answer a byte at a time
 * never trips it; the time limiter ends the wait for the whole exchange (pool lease, connect, request, every byte of
 * the answer). The worker thread cannot be interrupted out of a blocking socket read: it ends at the read timeout,
 * which is why read-timeout stays a little above the time limit (application.yml).</li>
 * <li>CircuitBreaker around that: every attempt is one call in its sliding window, a time-out a failure, so three
 * failed attempts are three failures, and an open breaker rejects (CallNotPermittedException) before any bulkhead
 * permit, thread or socket is taken.</li>
 * <li>Retry outermost: it retries only what {@link RetryableFailure} allows, never an open breaker, a full bulkhead
 * or a time-out, so retries cannot hammer a remote the breaker has given up on, nor multiply a slow one's wait.</li>
 * </ul>
 */
final class ResilientCalls {

    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final Bulkhead bulkhead;
    private final Retry retry;
    private final ExecutorService workers;

    /**
     * @param workers runs each attempt, with the caller's trace context (see ClientConfiguration); as many threads as
     *        attempts in flight, which the bulkheads bound
     */
    ResilientCalls(String remote, CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters,
            BulkheadRegistry bulkheads, RetryRegistry retries, ExecutorService workers) {
        // by name, with the configuration of resilience4j.<pattern>.instances.<remote> (or configs.default)
        this.circuitBreaker = circuitBreakers.circuitBreaker(remote);
        this.timeLimiter = timeLimiters.timeLimiter(remote);
        this.bulkhead = bulkheads.bulkhead(remote);
        this.retry = retries.retry(remote);
        this.workers = workers;
    }

    /**
     * @throws TimeLimitExceededException when an attempt took longer than the time limit, besides whatever the call
     *         itself throws, a CallNotPermittedException or a BulkheadFullException
     */
    <T> T call(Supplier<T> call) {
        Supplier<CompletionStage<T>> limited = Bulkhead.decorateCompletionStage(bulkhead,
                () -> CompletableFuture.supplyAsync(call, workers));
        Callable<T> timed = TimeLimiter.decorateFutureSupplier(timeLimiter, () -> limited.get().toCompletableFuture());
        Callable<T> guarded = CircuitBreaker.decorateCallable(circuitBreaker, timed);
        Callable<T> retried = Retry.decorateCallable(retry, guarded);
        try {
            return retried.call();
        }
        catch (TimeoutException timedOut) {
            // unchecked from here on; a RestClientException, so the callers' fallbacks take it like a read timeout
            throw new TimeLimitExceededException(timeLimiter.getName(), timeLimit(), timedOut);
        }
        catch (RuntimeException | Error failure) {
            throw failure;
        }
        catch (Exception checked) {
            // the call is a Supplier: nothing in the chain throws another checked exception
            throw new IllegalStateException(checked);
        }
    }

    /** Each remote's instances, by its name, from the same registries and worker threads. */
    record Factory(CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters, BulkheadRegistry bulkheads,
            RetryRegistry retries, ExecutorService workers) {

        ResilientCalls forRemote(String remote) {
            return new ResilientCalls(remote, circuitBreakers, timeLimiters, bulkheads, retries, workers);
        }
    }

    /** How long an open breaker waits before it lets probes through: what a 503's Retry-After says. */
    Duration retryAfter() {
        return Duration.ofMillis(circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
    }

    Duration timeLimit() {
        return timeLimiter.getTimeLimiterConfig().getTimeoutDuration();
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
