package io.microplatform.order.persistence;

import java.util.UUID;

import io.microplatform.order.domain.Order;
import io.microplatform.order.domain.OrderRepository;

import org.springframework.data.repository.Repository;

interface JpaOrderRepository extends OrderRepository, Repository<Order, UUID> {
}
