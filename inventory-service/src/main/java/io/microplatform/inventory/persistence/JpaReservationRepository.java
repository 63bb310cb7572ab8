package io.microplatform.inventory.persistence;

import java.util.Optional;
import java.util.UUID;

import io.microplatform.inventory.domain.Reservation;
import io.microplatform.inventory.domain.ReservationRepository;
import io.microplatform.support.persistence.SpringDataAggregateRepository;

/** Spring Data's method names stay here; the domain port speaks the domain's. */
interface JpaReservationRepository extends ReservationRepository, SpringDataAggregateRepository<Reservation, UUID> {

    @Override
    default Optional<Reservation> ofOrder(UUID orderId) {
        return findById(orderId);
    }
}
