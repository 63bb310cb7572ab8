package io.microplatform.inventory.domain;

import java.util.Optional;
import java.util.UUID;

import io.microplatform.support.domain.AggregateRepository;

/** Every order's one reservation, its natural key: how a redelivered or re-sent command finds the first answer. */
public interface ReservationRepository extends AggregateRepository<Reservation> {

    Optional<Reservation> ofOrder(UUID orderId);

}
