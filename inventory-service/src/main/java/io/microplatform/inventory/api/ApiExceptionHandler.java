package io.microplatform.inventory.api;

import io.microplatform.inventory.domain.ItemNotFoundException;
import io.microplatform.support.problems.ProblemDetailsHandler;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The inventory domain's exceptions as problem details; everything else as every service answers it. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemDetailsHandler {

    @ExceptionHandler
    ErrorResponse itemNotFound(ItemNotFoundException ex) {
        return problem(ex, HttpStatus.NOT_FOUND, "Item not found", "sku", ex.sku());
    }
}
