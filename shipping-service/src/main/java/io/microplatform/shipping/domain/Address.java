package io.microplatform.shipping.domain;

import jakarta.persistence.Embeddable;

/** Where a shipment goes; country is an ISO 3166-1 alpha-2 code. */
@Embeddable
public record Address(String name, String street, String city, String postalCode, String country) {

    /** The demo's deterministic shipping failure: no carrier delivers to postal code 00000. */
    static final String UNDELIVERABLE_POSTAL_CODE = "00000";

    boolean isComplete() {
        return isPresent(name) && isPresent(street) && isPresent(city) && isPresent(postalCode) && isPresent(country);
    }

    boolean isUndeliverable() {
        return UNDELIVERABLE_POSTAL_CODE.equals(postalCode.strip());
    }

    private static boolean isPresent(String field) {
        return field != null && !field.isBlank();
    }
}
