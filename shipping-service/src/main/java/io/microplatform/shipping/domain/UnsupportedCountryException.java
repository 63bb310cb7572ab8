package io.microplatform.shipping.domain;

import io.microplatform.support.domain.RejectedValueException;

/** The shop does not ship to the country: no destination row for it. */
public class UnsupportedCountryException extends RejectedValueException {

    public UnsupportedCountryException(String country) {
        super("Shipping to country " + country + " is not supported", country);
    }

    public String country() {
        return value();
    }
}
