package io.microplatform.inventory.domain;

import java.util.Optional;
import java.util.UUID;

public interface ReservationRepository {

    Optional<Reservation> findByOrderId(UUID orderId);

    Reservation save(Reservation reservation);
}
