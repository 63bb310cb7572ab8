package io.microplatform.support.problems;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
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
 * <li>a body that cannot be read: 400 "Malformed request body", or "Invalid request" naming the field whose value has
 * the wrong type;
 * <li>an id in the path that cannot be one (not a UUID) names nothing, as an unknown id does: 404. Ids are opaque to
 * callers, so {@code /api/orders/12345} is an order that does not exist; a query parameter that cannot be read stays
 * a bad request, 400;
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
        ProblemDetail problem;
        if (ex.getCause() instanceof InvalidFormatException wrongType && !wrongType.getPath().isEmpty()) {
            // well-formed JSON with a value of the wrong type ("quantity":"two"): name the field like a validation
            // error; other mapping errors (a truncated body among them) do not tell the field reliably
            problem = Problems.invalidRequest(List.of(new InvalidField(path(wrongType), "has the wrong type")));
        }
        else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "Malformed request body", ex.getCause() == null
                    ? "The request body is missing"
                    : "The request body is not valid JSON, or not shaped like the request this endpoint takes");
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (ex instanceof MethodArgumentTypeMismatchException mismatch
                && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            ErrorResponse response = malformedIdInPath(mismatch);
            return handleExceptionInternal(ex, response.getBody(), response.getHeaders(), response.getStatusCode(),
                    request);
        }
        return super.handleTypeMismatch(ex, headers, status, request);
    }

    /** 404 naming the id as given; a service may answer it exactly as its own "not found" instead. */
    protected ErrorResponse malformedIdInPath(MethodArgumentTypeMismatchException ex) {
        return ErrorResponse.builder(ex, HttpStatus.NOT_FOUND, "No resource with " + ex.getName() + " " + ex.getValue())
                .property(ex.getName(), ex.getValue()).build();
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
        ErrorResponse response = unexpected(ex);
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
