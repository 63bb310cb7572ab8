package io.microplatform.shipping.api;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.microplatform.shipping.domain.UnsupportedCountryException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors as RFC 9457 problem details. It extends Spring's handler of framework errors (which Boot then no longer
 * registers itself) only to name the invalid fields of a request body, which the default detail does not.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail unsupportedCountry(UnsupportedCountryException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        problem.setTitle("Unsupported country");
        problem.setProperty("country", ex.country());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
                .toList();
        ProblemDetail problem = ex.getBody();
        problem.setDetail("Invalid fields: " + errors.stream().map(InvalidField::field).distinct()
                .collect(Collectors.joining(", ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** One entry of the problem's "errors": {"field":"items[0].quantity","message":"must be greater than or equal to 1"}. */
    record InvalidField(String field, String message) {
    }
}
