package io.microplatform.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.microplatform.payment.domain.AccountRepository;
import io.microplatform.payment.domain.ChargeOutcome;
import io.microplatform.payment.domain.OrderPayment;
import io.microplatform.payment.domain.OrderPaymentRepository;
import io.microplatform.payment.domain.Payment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges and refunds for the order saga. Each use case is one transaction and idempotent per order: the order's
 * one payment record (its primary key) is looked up first, so a redelivered or re-sent command changes nothing and
 * is answered as the first one was.
 */
@Service
@Transactional
public class PaymentManagement {

    private final AccountRepository accounts;
    private final OrderPaymentRepository orderPayments;

    PaymentManagement(AccountRepository accounts, OrderPaymentRepository orderPayments) {
        this.accounts = accounts;
        this.orderPayments = orderPayments;
    }

    /** Debits the amount if the balance covers it; never takes a balance below zero, however many orders race. */
    public ChargeOutcome charge(UUID orderId, String customerId, BigDecimal amount) {
        OrderPayment payment = orderPayments.findByOrderId(orderId)
                .orElseGet(() -> orderPayments.save(
                        OrderPayment.charge(orderId, customerId, amount, accounts.lockByCustomerId(customerId))));
        return payment.outcome();
    }

    /**
     * Credits the order's charge back once. Without a charge it records a cancelled payment, so that a ChargePayment
     * arriving after its compensation (a late re-send) is declined instead of taking money nobody will refund.
     */
    public void refund(UUID orderId) {
        orderPayments.findByOrderId(orderId).ifPresentOrElse(
                payment -> {
                    if (payment.isCharged()) {
                        payment.refund(accounts.lockByCustomerId(payment.customerId()).orElseThrow(
                                () -> new IllegalStateException("account " + payment.customerId() + " is gone")));
                    }
                },
                () -> orderPayments.save(OrderPayment.cancelledBeforeCharged(orderId)));
    }

    /** The order's charge and refund, oldest first; empty for an order never charged. */
    @Transactional(readOnly = true)
    public List<Payment> paymentsOf(UUID orderId) {
        return orderPayments.findByOrderId(orderId).map(OrderPayment::payments).orElse(List.of());
    }
}
