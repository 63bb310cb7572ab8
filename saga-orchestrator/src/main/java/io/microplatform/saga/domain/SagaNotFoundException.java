package io.microplatform.saga.domain;

import java.util.UUID;

import io.microplatform.support.domain.RejectedValueException;

public class SagaNotFoundException extends RejectedValueException {

    private final UUID orderId;

    public SagaNotFoundException(UUID orderId) {
        super("No saga for order " + orderId, String.valueOf(orderId));
        this.orderId = orderId;
    }

    /** The order id as a UUID; {@link #value()} is the same as text. */
    public UUID orderId() {
        return orderId;
    }
}
