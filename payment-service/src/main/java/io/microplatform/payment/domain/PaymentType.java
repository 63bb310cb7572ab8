package io.microplatform.payment.domain;

public enum PaymentType {
    /** Money taken from the customer's balance for an order. */
    CHARGE,
    /** The charge given back when the order saga compensates. */
    REFUND
}
