package io.microplatform.shipping.client;

import io.microplatform.support.client.ThirdPartyRejectedException;

/**
 * The carrier answered 4xx: neither retried nor counted as a failure by the circuit breaker (both in application.yml).
 * {@link #isRefusal()} tells the business answer "we will not carry this" (422) from a request the carrier could not
 * take (400, 401, 404, ...: our bug or configuration).
 */
public class CarrierRejectedException extends ThirdPartyRejectedException {

    CarrierRejectedException(int status, String detail) {
        super("carrier", status, detail);
    }

    /** The carrier refused the shipment: a business answer, not an error. */
    public boolean isRefusal() {
        return status() == 422;
    }

    @Override
    public boolean isBusinessAnswer() {
        return isRefusal();
    }
}
