package io.microplatform.order.domain;

/**
 * What a command from the saga did to an order. Values, not exceptions: the saga's commands arrive in a listener's
 * transaction, where an exception would also roll back the reply.
 */
public enum StatusUpdate {
    /** The order moved to the requested status. */
    APPLIED,
    /** The order already had the requested status (a redelivered or re-sent command): nothing changed. */
    ALREADY_APPLIED,
    /** The order had already ended the other way: nothing changed. */
    REFUSED
}
