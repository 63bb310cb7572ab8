package io.microplatform.saga.api;

import io.microplatform.saga.domain.SagaNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain exceptions as RFC 9457 problem details; Boot's own handler does the same for framework errors. */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler
    ProblemDetail sagaNotFound(SagaNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Saga not found");
        problem.setProperty("orderId", ex.orderId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidState(InvalidStateException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid saga state");
        problem.setProperty("state", ex.state());
        return problem;
    }
}
