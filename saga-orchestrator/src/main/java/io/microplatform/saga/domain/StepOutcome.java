package io.microplatform.saga.domain;

/** What became of one command a saga sent. */
public enum StepOutcome {
    /** Sent, no reply yet. */
    PENDING,
    /** The participant applied it. */
    SUCCEEDED,
    /** The participant refused it for a business reason and applied nothing. */
    FAILED,
    /** No reply through every re-send: the outcome is unknown. */
    TIMED_OUT
}
