package io.microplatform.order.api;

import java.util.List;

import io.microplatform.support.problems.InvalidField;
import io.microplatform.support.problems.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An Idempotency-Key header out of bounds: 400 naming it like an invalid field of the body. */
class InvalidIdempotencyKeyException extends ErrorResponseException {

    InvalidIdempotencyKeyException() {
        super(HttpStatus.BAD_REQUEST, Problems.invalidRequest(List.of(new InvalidField(
                OrderController.IDEMPOTENCY_KEY,
                "must be 1 to " + OrderController.MAX_IDEMPOTENCY_KEY_LENGTH + " characters, not blank, sent once"))), null);
    }
}
