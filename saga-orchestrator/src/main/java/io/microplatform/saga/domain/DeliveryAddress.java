package io.microplatform.saga.domain;

import jakarta.persistence.Embeddable;

/** Where the order goes; kept by the saga for CreateShipment. */
@Embeddable
public record DeliveryAddress(String name, String street, String city, String postalCode, String country) {
}
