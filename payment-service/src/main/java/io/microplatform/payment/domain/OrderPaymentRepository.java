package io.microplatform.payment.domain;

import java.util.Optional;
import java.util.UUID;

import io.microplatform.support.domain.AggregateRepository;

/** Every order's one payment record, its natural key: how a redelivered or re-sent command finds the first answer. */
public interface OrderPaymentRepository extends AggregateRepository<OrderPayment> {

    Optional<OrderPayment> ofOrder(UUID orderId);

}
