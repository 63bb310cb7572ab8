package io.microplatform.order.api;

import java.time.Duration;

import io.microplatform.messaging.Failures;
import io.microplatform.order.client.RemoteServiceUnavailableException;
import io.microplatform.order.domain.IdempotencyKeyReusedException;
import io.microplatform.order.domain.OrderNotFoundException;
import io.microplatform.order.domain.UnknownSkuException;
import io.microplatform.order.domain.UnsupportedCountryException;
import io.microplatform.support.problems.MalformedIdException;
import io.microplatform.support.problems.ProblemDetailsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The order domain's exceptions as problem details, and the two failures that are not bugs but "try again later": a
 * remote service or the database away. Everything else as every service answers it.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemDetailsHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** A restarted PostgreSQL accepts connections within seconds; the pool reconnects on the next request. */
    private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler
    ErrorResponse orderNotFound(OrderNotFoundException ex) {
        return problem(ex, HttpStatus.NOT_FOUND, "Order not found", "orderId", ex.orderId());
    }

    /** /api/orders/12345 is an order that does not exist, answered exactly as one. */
    @Override
    protected ErrorResponse malformedIdInPath(MalformedIdException ex) {
        return orderNotFound(new OrderNotFoundException(String.valueOf(ex.value())));
    }

    @ExceptionHandler
    ErrorResponse unknownSku(UnknownSkuException ex) {
        return problem(ex, HttpStatus.UNPROCESSABLE_ENTITY, "Unknown SKU", "skus", ex.skus());
    }

    @ExceptionHandler
    ErrorResponse unsupportedCountry(UnsupportedCountryException ex) {
        return problem(ex, HttpStatus.UNPROCESSABLE_ENTITY, "Unsupported country", "country", ex.country());
    }

    @ExceptionHandler
    ErrorResponse idempotencyKeyReused(IdempotencyKeyReusedException ex) {
        return problem(ex, HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", "idempotencyKey", ex.key());
    }

    /** Retry-After: when the caller may expect the remote's breaker to probe it again. */
    @ExceptionHandler
    ErrorResponse remoteServiceUnavailable(RemoteServiceUnavailableException ex) {
        log.warn("Cannot place an order: {}", ex.getMessage());
        return unavailable(ex, ex.service(), ex.service() + " is unavailable, nothing was stored; try again later",
                ex.retryAfter());
    }

    /**
     * The database is away (down, restarting, no connection within the pool's timeout) or a statement gave up on a
     * lock or timed out: the request stored nothing, or nothing that counts (a placement's transaction rolls back), and
     * the same request may succeed in a moment. A 503 with Retry-After says so, where a 500 would say "our bug"; with
     * its Idempotency-Key a retried placement cannot place twice. Recognised as the consumers recognise it
     * (messaging-support's Failures), whatever the exception wrapping it: a failed rollback on a dead connection
     * arrives as a JpaSystemException, not as a DataAccessResourceFailureException.
     */
    @Override
    protected ErrorResponse unexpected(Exception ex) {
        if (!Failures.fixedByRetrying(ex)) {
            return super.unexpected(ex);
        }
        log.warn("Database unavailable: {}", ex.toString());
        return unavailable(ex, "database",
                "The order database is unavailable or busy; try again later (with the same Idempotency-Key)",
                DATABASE_RETRY_AFTER);
    }

    private static ErrorResponse unavailable(Exception ex, String service, String detail, Duration retryAfter) {
        return ErrorResponse.builder(ex, HttpStatus.SERVICE_UNAVAILABLE, detail)
                .title("Service unavailable").property("service", service)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .build();
    }
}
