package io.microplatform.shipping.domain;

import java.util.List;
import java.util.Optional;

public interface DestinationRepository {

    /** Every destination, ordered by country code. */
    List<Destination> all();

    Optional<Destination> forCountry(String countryCode);
}
