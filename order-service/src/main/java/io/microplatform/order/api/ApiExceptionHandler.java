package io.microplatform.order.api;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.microplatform.order.client.RemoteServiceUnavailableException;
import io.microplatform.order.domain.IdempotencyKeyReusedException;
import io.microplatform.order.domain.OrderNotFoundException;
import io.microplatform.order.domain.UnknownSkuException;
import io.microplatform.order.domain.UnsupportedCountryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details. Extends Spring MVC's handler (Boot's own then backs off) to name each
 * invalid field: {@code "errors":[{"field":"items[0].quantity","message":"must be less than or equal to 1000"}]}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** A restarted PostgreSQL accepts connections within seconds; the pool reconnects on the next request. */
    private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);

    record InvalidField(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
                .toList();
        ProblemDetail problem = invalid(errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (ex.getCause() instanceof InvalidFormatException wrongType && !wrongType.getPath().isEmpty()) {
            // well-formed JSON with a value of the wrong type ("quantity":"two"): name the field like a validation
            // error; other mapping errors (a truncated body among them) do not tell the field reliably
            problem = invalid(List.of(new InvalidField(path(wrongType), "has the wrong type")));
        }
        else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getCause() == null
                    ? "The request body is missing"
                    : "The request body is not valid JSON, or not shaped like an order");
            problem.setTitle("Malformed request body");
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @ExceptionHandler
    ProblemDetail invalidIdempotencyKey(InvalidIdempotencyKeyException ex) {
        return invalid(List.of(new InvalidField(OrderController.IDEMPOTENCY_KEY, ex.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail orderNotFound(OrderNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Order not found");
        problem.setProperty("orderId", ex.orderId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownSku(UnknownSkuException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        problem.setTitle("Unknown SKU");
        problem.setProperty("skus", ex.skus());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unsupportedCountry(UnsupportedCountryException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        problem.setTitle("Unsupported country");
        problem.setProperty("country", ex.country());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        problem.setTitle("Idempotency-Key reused");
        problem.setProperty("idempotencyKey", ex.key());
        return problem;
    }

    /** With Retry-After: when the caller may expect the remote's breaker to probe it again. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> remoteServiceUnavailable(RemoteServiceUnavailableException ex) {
        log.warn("Cannot place an order: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                ex.service() + " is unavailable, nothing was stored; try again later");
        problem.setTitle("Service unavailable");
        problem.setProperty("service", ex.service());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * The database is away (down, restarting, no connection within the pool's timeout) or a statement gave up on a
     * lock or timed out: the request stored nothing, or nothing that counts (a placement's transaction rolls back), and
     * the same request may succeed in a moment. A 503 with Retry-After says so, where a 500 would say "our bug"; with
     * its Idempotency-Key a retried placement cannot place twice.
     */
    @ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class,
            PessimisticLockingFailureException.class })
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException ex) {
        log.warn("Database unavailable: {}", ex.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The order database is unavailable or busy; try again later (with the same Idempotency-Key)");
        problem.setTitle("Service unavailable");
        problem.setProperty("service", "database");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The rest are bugs: logged with their stack trace, answered without it. */
    @ExceptionHandler
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred");
    }

    private static ProblemDetail invalid(List<InvalidField> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: "
                + errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Jackson's path as a bean path: items[0].quantity. */
    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
            else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
