package io.microplatform.shipping.client;

/**
 * The carrier answered 4xx: a definite answer about this request, so it is neither retried nor counted as a failure
 * by the circuit breaker (both in application.yml). {@link #isRefusal()} tells the business answer "we will not carry
 * this" (422) from a request the carrier could not take (400, 401, 404, ...: our bug or configuration).
 */
public class CarrierRejectedException extends RuntimeException {

    private final int status;

    CarrierRejectedException(int status, String detail) {
        super("carrier answered " + status + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The carrier refused the shipment: a business answer, not an error. */
    public boolean isRefusal() {
        return status == 422;
    }
}
