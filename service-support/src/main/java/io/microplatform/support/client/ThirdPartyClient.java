package io.microplatform.support.client;

import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.decorators.Decorators;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * One third party's HTTP API (a payment provider, a carrier), called through the resilience4j instances named after it
 * and configured under {@code resilience4j.*.instances.<remote>}. Composed with resilience4j's Decorators in the
 * order resilience4j's own annotations apply them, innermost first, so the source reads like the runtime:
 * <pre>
 *   Retry( CircuitBreaker( TimeLimiter( Bulkhead( POST on a worker thread ) ) ) )
 * </pre>
 * Every attempt passes the breaker and counts in its window; an open breaker rejects an attempt without touching the
 * network (CallNotPermittedException), and the retry does not repeat that; a full bulkhead rejects at once
 * (BulkheadFullException), ignored by the breaker and not retried. The time limiter is the most the caller waits for
 * one attempt, whatever the third party does: the HTTP client's read timeout covers the wait for the answer's
 * headers only, not a body that trickles in. An attempt over the limit is a {@link ResourceAccessException}, like a
 * read timeout, so the breaker records it and the retry repeats it as application.yml says for timeouts.
 *
 * <p>Every attempt of a call carries the same {@value #IDEMPOTENCY_KEY} header, the key the caller derives from what
 * the call is about (the order), so a third party that got an attempt whose answer was lost applies it once and
 * answers the repeat with the first result. Exceptions are not translated otherwise: ResourceAccessException
 * (refused, timed out) and HttpServerErrorException (5xx) are the technical failures the breaker records and the retry
 * repeats; a 4xx is the service's {@link ThirdPartyRejectedException}, a definite answer.
 */
public final class ThirdPartyClient {

    /** The header of the IETF draft "The Idempotency-Key HTTP Header Field", as payment providers take it. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RestClient http;
    private final Instances resilience;
    private final ExecutorService workers;

    ThirdPartyClient(RestClient http, Rejection rejection, Instances resilience, ExecutorService workers) {
        // a 4xx is a definite answer on every call: the service's own rejection, with the body the third party sent
        this.http = http.mutate()
                .defaultStatusHandler(HttpStatusCode::is4xxClientError, (sent, response) -> {
                    throw rejection.of(response.getStatusCode().value(),
                            StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8));
                })
                .build();
        this.resilience = resilience;
        this.workers = workers;
    }

    /**
     * POSTs the request as JSON to the path below the third party's base URL and reads its JSON answer.
     *
     * @param idempotencyKey the same for every call about the same thing (e.g. {@code charge-<orderId>}): what lets the
     *        third party apply a repeated call once
     * @throws ThirdPartyRejectedException the service's own kind, when the third party answered 4xx
     */
    public <T> T post(String path, Object request, String idempotencyKey, Class<T> answerType) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("a call to " + name() + " needs an idempotency key");
        }
        Callable<T> limited = resilience.timeLimiter().decorateFutureSupplier(() -> Decorators
                .ofCompletionStage(() -> CompletableFuture.supplyAsync(
                        () -> attempt(path, request, idempotencyKey, answerType), workers))
                .withBulkhead(resilience.bulkhead())
                .get()
                .toCompletableFuture());
        return Decorators.ofSupplier(() -> unchecked(limited, path))
                .withCircuitBreaker(resilience.circuitBreaker())
                .withRetry(resilience.retry())
                .get();
    }

    private <T> T attempt(String path, Object request, String idempotencyKey, Class<T> answerType) {
        T answer = http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .body(request)
                .retrieve()
                .body(answerType);
        return Objects.requireNonNull(answer, () -> name() + " answered " + path + " without a body");
    }

    /** The attempt's own exception as it was thrown; the time limiter's TimeoutException as a timed-out request. */
    private <T> T unchecked(Callable<T> limited, String path) {
        try {
            return limited.call();
        }
        catch (TimeoutException timedOut) {
            String message = name() + " did not answer " + path + " within "
                    + resilience.timeLimiter().getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms";
            throw new ResourceAccessException(message, new HttpTimeoutException(message));
        }
        catch (RuntimeException | Error failure) {
            throw failure;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name(), interrupted);
        }
        catch (Exception checked) {
            // the attempt is a Supplier: it throws nothing checked
            throw new IllegalStateException(checked);
        }
    }

    private String name() {
        return resilience.circuitBreaker().getName();
    }

    /** The third party's resilience4j instances, all named after it. */
    record Instances(CircuitBreaker circuitBreaker, TimeLimiter timeLimiter, Bulkhead bulkhead, Retry retry) {
    }

    /** How a service turns a third party's 4xx into its own {@link ThirdPartyRejectedException}. */
    @FunctionalInterface
    public interface Rejection {

        ThirdPartyRejectedException of(int status, String detail);
    }
}
