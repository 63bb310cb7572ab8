package io.microplatform.order.domain;

import io.microplatform.support.domain.RejectedValueException;

/** The Idempotency-Key came earlier with a different request; nothing was stored for this one. */
public class IdempotencyKeyReusedException extends RejectedValueException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was already used for a different request", key);
    }

    public String key() {
        return value();
    }
}
