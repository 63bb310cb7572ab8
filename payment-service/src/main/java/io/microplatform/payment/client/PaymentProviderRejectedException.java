package io.microplatform.payment.client;

import io.microplatform.support.client.ThirdPartyRejectedException;

/**
 * The payment provider answered 4xx: neither retried nor counted as a failure by the circuit breaker (both in
 * application.yml). {@link #isDecline()} tells the business answer "not authorized" (402, 422) from a request the
 * provider could not take (400, 401, 404, ...: our bug or configuration).
 */
public class PaymentProviderRejectedException extends ThirdPartyRejectedException {

    PaymentProviderRejectedException(int status, String detail) {
        super("payment provider", status, detail);
    }

    /** The provider declined to authorize the charge: a business answer, not an error. */
    public boolean isDecline() {
        return status() == 402 || status() == 422;
    }

    @Override
    public boolean isBusinessAnswer() {
        return isDecline();
    }
}
