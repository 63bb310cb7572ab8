package io.microplatform.payment.domain;

import java.util.Optional;
import java.util.UUID;

/** Every order's one payment record, its natural key: how a redelivered or re-sent command finds the first answer. */
public interface OrderPaymentRepository {

    Optional<OrderPayment> ofOrder(UUID orderId);

    /** Stores a new payment record; a changed one is written when the transaction commits. */
    OrderPayment add(OrderPayment payment);
}
