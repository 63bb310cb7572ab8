package io.microplatform.shipping.api;

import io.microplatform.shipping.domain.Destination;

record DestinationResponse(String country, String name) {

    static DestinationResponse of(Destination destination) {
        return new DestinationResponse(destination.countryCode(), destination.name());
    }
}
