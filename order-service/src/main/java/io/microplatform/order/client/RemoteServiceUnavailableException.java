package io.microplatform.order.client;

import java.time.Duration;

/**
 * A service the order depends on did not answer, or failed, and no fallback could stand in: nothing was stored, the
 * client may try again after {@link #retryAfter()}.
 */
public class RemoteServiceUnavailableException extends RuntimeException {

    private final String service;
    private final Duration retryAfter;

    public RemoteServiceUnavailableException(String service, Throwable cause, Duration retryAfter) {
        super(service + " is unavailable: " + cause.getMessage(), cause);
        this.service = service;
        this.retryAfter = retryAfter;
    }

    public String service() {
        return service;
    }

    /** When trying again makes sense: the wait of the remote's open breaker before it lets probes through. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
