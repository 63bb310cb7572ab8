package io.microplatform.inventory.domain;

import java.util.Optional;
import java.util.UUID;

/** Every order's one reservation, its natural key: how a redelivered or re-sent command finds the first answer. */
public interface ReservationRepository {

    Optional<Reservation> ofOrder(UUID orderId);

    /** Stores a new reservation; a changed one is written when the transaction commits. */
    Reservation add(Reservation reservation);
}
