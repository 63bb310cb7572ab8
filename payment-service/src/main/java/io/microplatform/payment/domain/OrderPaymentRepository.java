package io.microplatform.payment.domain;

import java.util.Optional;
import java.util.UUID;

public interface OrderPaymentRepository {

    Optional<OrderPayment> findByOrderId(UUID orderId);

    OrderPayment save(OrderPayment payment);
}
