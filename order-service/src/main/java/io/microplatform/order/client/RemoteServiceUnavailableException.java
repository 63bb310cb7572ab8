package io.microplatform.order.client;

/** A service the order depends on did not answer, or failed: nothing was stored, the client may try again. */
public class RemoteServiceUnavailableException extends RuntimeException {

    private final String service;

    public RemoteServiceUnavailableException(String service, Throwable cause) {
        super(service + " is unavailable: " + cause.getMessage(), cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
