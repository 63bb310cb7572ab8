package io.microplatform.support.problems;

import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.microplatform.support.web.JsonPolicy;
import io.microplatform.support.web.MalformedUtf8Exception;
import io.microplatform.support.web.RequestBodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error as RFC 9457 problem details, the same answer for the same mistake in every service. Each service's
 * {@code @RestControllerAdvice} extends this and adds only its domain exceptions (Boot's own handler then backs off).
 * Spring MVC's handler answers the framework's errors (unknown route 404, wrong method 405, wrong media type 415, ...);
 * this one changes where it would say too little, or where services used to answer the same mistake differently:
 * <ul>
 * <li>an invalid body names each field: 400 "Invalid request" with {@code "errors":[{"field":..,"message":..}]};
 * <li>a body that cannot be read: 400 "Malformed request body" saying why (not JSON, a key twice, beyond a limit of
 * the JSON policy), or "Invalid request" naming the field that is unknown or whose value has the wrong JSON type; 413
 * for a body beyond the size limit;
 * <li>an id in the path that cannot be one (not a UUID, not an identifier) names nothing, as an unknown id does: 404.
 * Ids are opaque to callers, so {@code /api/orders/12345} is an order that does not exist; a query parameter that
 * cannot be read stays a bad request, 400;
 * <li>anything else is a bug: logged with its stack trace, answered 500 without it.
 * </ul>
 */
public abstract class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), error.getDefaultMessage()))
                .toList();
        return handleExceptionInternal(ex, Problems.invalidRequest(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = RequestBodyTooLargeException.in(ex).map(RequestBodyTooLargeException::problem)
                .orElseGet(() -> unreadableBody(ex));
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static ProblemDetail unreadableBody(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause == null) {
            return malformedBody("The request body is missing");
        }
        if (causeOfType(cause, MalformedUtf8Exception.class) != null) {
            return malformedBody("The request body is not valid UTF-8");
        }
        StreamConstraintsException beyondLimit = causeOfType(cause, StreamConstraintsException.class);
        if (beyondLimit != null) {
            return malformedBody(JsonPolicy.describe(beyondLimit));
        }
        JsonParseException unparseable = causeOfType(cause, JsonParseException.class);
        if (unparseable != null && String.valueOf(unparseable.getOriginalMessage()).startsWith("Duplicate field")) {
            return malformedBody("The request body has a key twice in one object: "
                    + unparseable.getOriginalMessage().substring("Duplicate field ".length()));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Problems.invalidRequest(List.of(new InvalidField(path(unknown), "is not a field of this request")));
        }
        if (cause instanceof MismatchedInputException wrongType && !wrongType.getPath().isEmpty()) {
            // well-formed JSON with a value of the wrong type ("quantity":"two", "customerId":123, null for a number
            // that must be there): name the field like a validation error; other mapping errors (a truncated body
            // among them) do not tell the field reliably
            boolean missing = String.valueOf(wrongType.getOriginalMessage()).startsWith("Cannot map `null`");
            return Problems.invalidRequest(List.of(new InvalidField(path(wrongType),
                    missing ? "must not be null" : "has the wrong type")));
        }
        return malformedBody("The request body is not valid JSON, or not shaped like the request this endpoint takes");
    }

    private static ProblemDetail malformedBody(String detail) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Malformed request body", detail);
    }

    private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (ex instanceof MethodArgumentTypeMismatchException mismatch
                && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return handleMalformedId(new MalformedIdException(mismatch.getName(), mismatch.getValue(), mismatch),
                    request);
        }
        return super.handleTypeMismatch(ex, headers, status, request);
    }

    @ExceptionHandler
    protected ResponseEntity<Object> handleMalformedId(MalformedIdException ex, WebRequest request) {
        return answer(ex, malformedIdInPath(ex), request);
    }

    /** 404 naming the id as given; a service may answer it exactly as its own "not found" instead. */
    protected ErrorResponse malformedIdInPath(MalformedIdException ex) {
        return ex;
    }

    /** Spring's detail speaks of a "static resource"; these services serve an API, so name the route asked for. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ex.getBody().setDetail("No endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath());
        return super.handleNoResourceFoundException(ex, headers, status, request);
    }

    @ExceptionHandler
    protected ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        return answer(ex, unexpected(ex), request);
    }

    /** An answer a service's hook chose, through Spring's one path for writing error responses. */
    private ResponseEntity<Object> answer(Exception ex, ErrorResponse response, WebRequest request) {
        return handleExceptionInternal(ex, response.getBody(), response.getHeaders(), response.getStatusCode(),
                request);
    }

    /** A bug, unless a service knows better (order-service: its database away is a 503 worth retrying). */
    protected ErrorResponse unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return ErrorResponse.create(ex, HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred");
    }

    /**
     * A domain exception as every service answers one: its message as the detail, a title, and the property that
     * names what it was about ({@code "sku":"NOPE-01"}), so a client need not parse the detail.
     */
    protected static ErrorResponse problem(Exception ex, HttpStatus status, String title, String property,
            Object value) {
        return ErrorResponse.builder(ex, status, ex.getMessage()).title(title).property(property, value).build();
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
