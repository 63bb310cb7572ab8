package io.microplatform.shipping.persistence;

import java.util.List;
import java.util.Optional;

import io.microplatform.shipping.domain.Destination;
import io.microplatform.shipping.domain.DestinationRepository;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Spring Data's method names stay here; the domain port speaks the domain's. */
interface JpaDestinationRepository extends DestinationRepository, Repository<Destination, String> {

    Optional<Destination> findById(String countryCode);

    @Override
    @Query("select destination from Destination destination order by destination.countryCode")
    List<Destination> all();

    @Override
    default Optional<Destination> forCountry(String countryCode) {
        return findById(countryCode);
    }
}
