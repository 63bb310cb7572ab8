package io.microplatform.inventory.persistence;

import java.util.UUID;

import io.microplatform.inventory.domain.Reservation;
import io.microplatform.inventory.domain.ReservationRepository;

import org.springframework.data.repository.Repository;

interface JpaReservationRepository extends ReservationRepository, Repository<Reservation, UUID> {
}
