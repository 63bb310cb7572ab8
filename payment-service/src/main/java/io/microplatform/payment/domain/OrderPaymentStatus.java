package io.microplatform.payment.domain;

/** The only transition is CHARGED -> REFUNDED; the other states are final when recorded. */
public enum OrderPaymentStatus {
    CHARGED,
    REFUNDED,
    /** Refused; nothing was debited. */
    DECLINED,
    /** Refunded before any charge (a tombstone): nothing moved, and a late charge is declined. */
    CANCELLED
}
