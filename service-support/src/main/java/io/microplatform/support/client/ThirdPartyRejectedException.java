package io.microplatform.support.client;

import java.util.Optional;

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

    /**
     * Whether the 4xx is the third party's business answer ("declined", "refused"), which the service stores and
     * answers, rather than a request it could not take; none is, unless the service's subclass says so.
     */
    public boolean isBusinessAnswer() {
        return false;
    }

    /**
     * Makes a call to a third party whose 4xx may be a business answer, for a service that stores that answer.
     *
     * @param call asks the third party (through the service's client) and handles its accepting answer
     * @param refusal the reason to store when the third party answered with a business refusal
     * @return the refusal, or empty when the third party accepted
     * @throws RuntimeException when the third party could not be asked (down, slow, breaker open, bulkhead full) or
     *         answered a 4xx that is no business answer: a technical failure, not to be answered
     */
    public static Optional<String> refusalOf(Runnable call, String refusal) {
        try {
            call.run();
            return Optional.empty();
        }
        catch (ThirdPartyRejectedException rejected) {
            if (rejected.isBusinessAnswer()) {
                return Optional.of(refusal);
            }
            throw rejected;
        }
    }
}
