package io.microplatform.saga.domain;

import java.util.UUID;

public class SagaNotFoundException extends RuntimeException {

    private final UUID orderId;

    public SagaNotFoundException(UUID orderId) {
        super("No saga for order " + orderId);
        this.orderId = orderId;
    }

    public UUID orderId() {
        return orderId;
    }
}
