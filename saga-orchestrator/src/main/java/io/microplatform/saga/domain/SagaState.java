package io.microplatform.saga.domain;

/**
 * RUNNING while a command is outstanding; then the saga's end as its definition decides it: CONFIRMED (every step
 * succeeded), CANCELLED (what applied was compensated) or PARKED (a compensation failed and waits for a human).
 */
public enum SagaState {
    RUNNING,
    CONFIRMED,
    CANCELLED,
    PARKED
}
