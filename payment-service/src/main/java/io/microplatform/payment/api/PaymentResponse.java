package io.microplatform.payment.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.microplatform.payment.domain.Payment;
import io.microplatform.payment.domain.PaymentType;

/** amount is a JSON number with 2 decimals; createdAt an ISO-8601 string. */
record PaymentResponse(UUID id, UUID orderId, String customerId, PaymentType type, BigDecimal amount, Instant createdAt) {

    static PaymentResponse of(Payment payment) {
        return new PaymentResponse(payment.id(), payment.orderId(), payment.customerId(), payment.type(),
                payment.amount(), payment.createdAt());
    }
}
