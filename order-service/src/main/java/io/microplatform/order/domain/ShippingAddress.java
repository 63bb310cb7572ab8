package io.microplatform.order.domain;

import java.util.Objects;

import jakarta.persistence.Embeddable;

/** Where an order goes; country is an ISO 3166-1 alpha-2 code that shipping-service must know. */
@Embeddable
public record ShippingAddress(String name, String street, String city, String postalCode, String country) {

    public ShippingAddress {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(country, "country");
    }
}
