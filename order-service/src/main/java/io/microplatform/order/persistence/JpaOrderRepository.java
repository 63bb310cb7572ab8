package io.microplatform.order.persistence;

import java.util.Optional;
import java.util.UUID;

import io.microplatform.order.domain.Order;
import io.microplatform.order.domain.OrderRepository;

import org.springframework.data.repository.Repository;

/** Spring Data's method names stay here; the domain port speaks the domain's. */
interface JpaOrderRepository extends OrderRepository, Repository<Order, UUID> {

    Optional<Order> findById(UUID id);

    Order save(Order order);

    @Override
    default Optional<Order> withId(UUID id) {
        return findById(id);
    }

    @Override
    default Order add(Order order) {
        return save(order);
    }
}
