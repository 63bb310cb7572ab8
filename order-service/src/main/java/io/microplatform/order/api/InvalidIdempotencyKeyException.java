package io.microplatform.order.api;

class InvalidIdempotencyKeyException extends RuntimeException {

    InvalidIdempotencyKeyException() {
        super("must be 1 to " + OrderController.MAX_IDEMPOTENCY_KEY_LENGTH + " characters, not blank");
    }
}
