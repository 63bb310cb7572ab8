package io.microplatform.saga.api;

import java.util.List;

import io.microplatform.saga.domain.SagaState;

class InvalidStateException extends RuntimeException {

    private final String state;

    InvalidStateException(String state, List<SagaState> valid) {
        super("Unknown saga state '" + state + "'; use one of " + valid);
        this.state = state;
    }

    String state() {
        return state;
    }
}
