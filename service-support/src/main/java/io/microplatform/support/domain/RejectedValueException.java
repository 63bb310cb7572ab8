package io.microplatform.support.domain;

/**
 * A value from a request that the domain rejects: an id it does not know, a country it does not ship to, a key already
 * used for another request. Nothing was stored. The value is kept as given, so that the API can name it in its
 * problem details; each subclass offers it under its own name ({@code sku()}, {@code country()}).
 */
public abstract class RejectedValueException extends RuntimeException {

    private final String value;

    protected RejectedValueException(String message, String value) {
        super(message);
        this.value = value;
    }

    public String value() {
        return value;
    }
}
