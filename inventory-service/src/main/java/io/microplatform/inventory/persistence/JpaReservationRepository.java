package io.microplatform.inventory.persistence;

import java.util.Optional;
import java.util.UUID;

import io.microplatform.inventory.domain.Reservation;
import io.microplatform.inventory.domain.ReservationRepository;

import org.springframework.data.repository.Repository;

/** Spring Data's method names stay here; the domain port speaks the domain's. */
interface JpaReservationRepository extends ReservationRepository, Repository<Reservation, UUID> {

    Optional<Reservation> findById(UUID orderId);

    Reservation save(Reservation reservation);

    @Override
    default Optional<Reservation> ofOrder(UUID orderId) {
        return findById(orderId);
    }

    @Override
    default Reservation add(Reservation reservation) {
        return save(reservation);
    }
}
