package io.microplatform.saga.api;

import io.microplatform.saga.domain.SagaNotFoundException;
import io.microplatform.support.problems.ProblemDetailsHandler;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The saga domain's exceptions as problem details; everything else as every service answers it. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemDetailsHandler {

    @ExceptionHandler
    ErrorResponse sagaNotFound(SagaNotFoundException ex) {
        return problem(ex, HttpStatus.NOT_FOUND, "Saga not found", "orderId", ex.orderId());
    }
}
