package io.microplatform.saga.api;

import java.util.List;

import io.microplatform.saga.domain.SagaState;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** {@code ?state=} names no saga state: 400 with the state as given. An API exception, so it carries its answer. */
class InvalidStateException extends ErrorResponseException {

    InvalidStateException(String state, List<SagaState> valid) {
        super(HttpStatus.BAD_REQUEST);
        setTitle("Invalid saga state");
        setDetail("Unknown saga state '" + state + "'; use one of " + valid);
        getBody().setProperty("state", state);
    }
}
