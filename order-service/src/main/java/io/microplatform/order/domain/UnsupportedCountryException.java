package io.microplatform.order.domain;

/** Nothing is shipped to the requested country; nothing was stored. */
public class UnsupportedCountryException extends RuntimeException {

    private final String country;

    public UnsupportedCountryException(String country) {
        super("No shipping to country " + country);
        this.country = country;
    }

    public String country() {
        return country;
    }
}
