package io.microplatform.order.domain;

import java.util.Optional;
import java.util.UUID;

public interface OrderRepository {

    /** Stores a new order; a changed one is written when the transaction commits. */
    Order add(Order order);

    Optional<Order> withId(UUID id);
}
