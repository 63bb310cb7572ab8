package io.microplatform.support.client;

/**
 * A third party answered 4xx: a definite answer about this request, so the call's retry does not repeat it and its
 * circuit breaker does not count it as a failure (both configured by {@code ignore-exceptions} in application.yml,
 * naming the service's own subclass). The subclass tells the business answer ("declined", "refused") from a request
 * the third party could not take (400, 401, 404, ...: our bug or configuration).
 */
public abstract class ThirdPartyRejectedException extends RuntimeException {

    private final int status;

    /** @param thirdParty how the message names the third party, e.g. "payment provider" */
    protected ThirdPartyRejectedException(String thirdParty, int status, String detail) {
        super(thirdParty + " answered " + status + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
