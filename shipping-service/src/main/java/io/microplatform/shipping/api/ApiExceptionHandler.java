package io.microplatform.shipping.api;

import io.microplatform.shipping.domain.UnsupportedCountryException;
import io.microplatform.support.problems.ProblemDetailsHandler;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The shipping domain's exceptions as problem details; everything else as every service answers it. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemDetailsHandler {

    @ExceptionHandler
    ErrorResponse unsupportedCountry(UnsupportedCountryException ex) {
        return problem(ex, HttpStatus.UNPROCESSABLE_ENTITY, "Unsupported country", "country", ex.country());
    }
}
