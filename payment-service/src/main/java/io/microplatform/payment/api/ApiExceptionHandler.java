package io.microplatform.payment.api;

import io.microplatform.payment.domain.AccountNotFoundException;
import io.microplatform.support.problems.ProblemDetailsHandler;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The payment domain's exceptions as problem details; everything else as every service answers it. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemDetailsHandler {

    @ExceptionHandler
    ErrorResponse accountNotFound(AccountNotFoundException ex) {
        return problem(ex, HttpStatus.NOT_FOUND, "Account not found", "customerId", ex.customerId());
    }
}
