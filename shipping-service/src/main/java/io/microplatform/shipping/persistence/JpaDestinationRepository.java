package io.microplatform.shipping.persistence;

import java.util.List;
import java.util.Optional;

import io.microplatform.shipping.domain.Destination;
import io.microplatform.shipping.domain.DestinationRepository;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface JpaDestinationRepository extends DestinationRepository, Repository<Destination, String> {

    @Override
    @Query("select destination from Destination destination order by destination.countryCode")
    List<Destination> all();

    @Override
    @Query("select destination from Destination destination where destination.countryCode = :countryCode")
    Optional<Destination> forCountry(String countryCode);
}
