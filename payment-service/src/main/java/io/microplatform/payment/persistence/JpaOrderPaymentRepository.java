package io.microplatform.payment.persistence;

import java.util.UUID;

import io.microplatform.payment.domain.OrderPayment;
import io.microplatform.payment.domain.OrderPaymentRepository;

import org.springframework.data.repository.Repository;

interface JpaOrderPaymentRepository extends OrderPaymentRepository, Repository<OrderPayment, UUID> {
}
