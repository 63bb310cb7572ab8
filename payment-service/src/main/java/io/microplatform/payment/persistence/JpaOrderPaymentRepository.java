package io.microplatform.payment.persistence;

import java.util.Optional;
import java.util.UUID;

import io.microplatform.payment.domain.OrderPayment;
import io.microplatform.payment.domain.OrderPaymentRepository;

import org.springframework.data.repository.Repository;

/** Spring Data's method names stay here; the domain port speaks the domain's. */
interface JpaOrderPaymentRepository extends OrderPaymentRepository, Repository<OrderPayment, UUID> {

    Optional<OrderPayment> findById(UUID orderId);

    OrderPayment save(OrderPayment payment);

    @Override
    default Optional<OrderPayment> ofOrder(UUID orderId) {
        return findById(orderId);
    }

    @Override
    default OrderPayment add(OrderPayment payment) {
        return save(payment);
    }
}
