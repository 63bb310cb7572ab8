package io.microplatform.saga.definition;

public enum Direction {
    /** Walking the steps in order, sending each step's command. */
    FORWARD,
    /** Walking back, sending the compensation of every step that (may have) applied. */
    BACKWARD
}
