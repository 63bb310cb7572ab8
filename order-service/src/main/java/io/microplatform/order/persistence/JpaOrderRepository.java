package io.microplatform.order.persistence;

import java.util.Optional;
import java.util.UUID;

import io.microplatform.order.domain.Order;
import io.microplatform.order.domain.OrderRepository;
import io.microplatform.support.persistence.SpringDataAggregateRepository;

/** Spring Data's method names stay here; the domain port speaks the domain's. */
interface JpaOrderRepository extends OrderRepository, SpringDataAggregateRepository<Order, UUID> {

    @Override
    default Optional<Order> withId(UUID id) {
        return findById(id);
    }
}
