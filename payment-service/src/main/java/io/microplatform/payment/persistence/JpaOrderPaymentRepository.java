package io.microplatform.payment.persistence;

import java.util.Optional;
import java.util.UUID;

import io.microplatform.payment.domain.OrderPayment;
import io.microplatform.payment.domain.OrderPaymentRepository;
import io.microplatform.support.persistence.SpringDataAggregateRepository;

/** Spring Data's method names stay here; the domain port speaks the domain's. */
interface JpaOrderPaymentRepository extends OrderPaymentRepository, SpringDataAggregateRepository<OrderPayment, UUID> {

    @Override
    default Optional<OrderPayment> ofOrder(UUID orderId) {
        return findById(orderId);
    }
}
