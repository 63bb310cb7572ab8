package io.microplatform.order.domain;

/** The Idempotency-Key came earlier with a different request; nothing was stored for this one. */
public class IdempotencyKeyReusedException extends RuntimeException {

    private final String key;

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was already used for a different request");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
