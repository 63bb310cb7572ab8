package io.microplatform.order.domain;

import io.microplatform.support.domain.RejectedValueException;

/** Nothing is shipped to the requested country; nothing was stored. */
public class UnsupportedCountryException extends RejectedValueException {

    public UnsupportedCountryException(String country) {
        super("No shipping to country " + country, country);
    }

    public String country() {
        return value();
    }
}
