package io.microplatform.payment.domain;

/** The answer to "charge this order": a value, because a decline is business, not an error. */
public sealed interface ChargeOutcome {

    record Charged() implements ChargeOutcome {
    }

    /** Nothing was debited. */
    record Declined(String reason) implements ChargeOutcome {
    }
}
