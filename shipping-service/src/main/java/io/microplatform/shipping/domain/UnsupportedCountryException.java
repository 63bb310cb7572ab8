package io.microplatform.shipping.domain;

/** The shop does not ship to the country: no destination row for it. */
public class UnsupportedCountryException extends RuntimeException {

    private final String country;

    public UnsupportedCountryException(String country) {
        super("Shipping to country " + country + " is not supported");
        this.country = country;
    }

    public String country() {
        return country;
    }
}
