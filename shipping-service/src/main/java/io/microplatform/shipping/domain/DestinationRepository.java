package io.microplatform.shipping.domain;

import java.util.List;

public interface DestinationRepository {

    /** Every destination, ordered by country code. */
    List<Destination> findAll();
}
