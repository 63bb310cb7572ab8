package io.microplatform.contracts;

/** Where an order goes; country is an ISO 3166-1 alpha-2 code. */
public record ShippingAddress(String name, String street, String city, String postalCode, String country) {
}
