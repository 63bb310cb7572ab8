package io.microplatform.order.domain;

import java.util.Optional;
import java.util.UUID;

import io.microplatform.support.domain.AggregateRepository;

public interface OrderRepository extends AggregateRepository<Order> {

    Optional<Order> withId(UUID id);
}
