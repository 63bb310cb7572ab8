package io.microplatform.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.messaging.CausalHistory;
import io.microplatform.messaging.Duplicates;
import io.microplatform.payment.client.PaymentProviderClient;
import io.microplatform.payment.domain.AccountRepository;
import io.microplatform.payment.domain.ChargeOutcome;
import io.microplatform.payment.domain.OrderPayment;
import io.microplatform.payment.domain.OrderPaymentRepository;
import io.microplatform.payment.domain.Payment;
import io.microplatform.support.client.ThirdPartyRejectedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges and refunds for the order saga, idempotent per order: the order's one payment record (its primary key, the
 * natural key) is looked up first, so a redelivered or re-sent command changes nothing, is answered as the first one
 * was and is counted in Duplicates.
 *
 * <p>A charge has two steps: {@link #authorize} asks the external payment provider, outside any transaction, so a
 * slow provider holds neither a database connection nor the account's row lock; then {@link #charge}, one
 * transaction, debits the account (or declines) and stores the decision.
 */
@Service
public class PaymentManagement {

    private static final Logger log = LoggerFactory.getLogger(PaymentManagement.class);

    private final AccountRepository accounts;
    private final OrderPaymentRepository orderPayments;
    private final PaymentProviderClient provider;
    private final CausalHistory history;
    private final Duplicates duplicates;

    PaymentManagement(AccountRepository accounts, OrderPaymentRepository orderPayments, PaymentProviderClient provider,
            CausalHistory history, Duplicates duplicates) {
        this.accounts = accounts;
        this.orderPayments = orderPayments;
        this.provider = provider;
        this.history = history;
        this.duplicates = duplicates;
    }

    /**
     * Step one of a charge, to be called outside a transaction: has the payment provider authorize the charge,
     * unless the order is decided already (a redelivery, a re-send, a refund that came first: the provider is not
     * asked again) or the account cannot cover it (declined below without bothering the provider).
     *
     * @return the provider's decline reason, empty when the charge may go ahead
     * @throws RuntimeException when the provider could not be asked (down, slow, breaker open, bulkhead full, or a
     *         4xx that is no decline): a technical failure, the caller must not answer but let the delivery fail
     */
    public Optional<String> authorize(UUID orderId, String customerId, BigDecimal amount) {
        // each look-up is a short read-only transaction of its own (the repositories' default)
        if (orderPayments.ofOrder(orderId).isPresent()
                || accounts.ofCustomer(customerId).filter(account -> account.covers(amount)).isEmpty()) {
            return Optional.empty();
        }
        return ThirdPartyRejectedException.refusalOf(() -> {
            String authorizationId = provider.authorize(orderId, customerId, amount);
            log.info("Payment provider authorized order {}: {}", orderId, authorizationId);
        }, "declined by the payment provider");
    }

    /**
     * Step two, in the caller's transaction: debits the amount if the provider did not decline and the balance
     * covers it; never takes a balance below zero, however many orders race. A charge the provider authorized but
     * the balance no longer covers (a concurrent order of the same customer won the row lock) is declined here; its
     * authorization is left to lapse (a real integration would void it). A decline is stored like a charge, so a
     * redelivery is declined again although the balance may have grown since. The decision is recorded in the order's
     * causal history; an answer from the stored record is not a new decision and records nothing.
     */
    @Transactional
    public ChargeOutcome charge(UUID orderId, String customerId, BigDecimal amount, Optional<String> providerDecline) {
        Optional<OrderPayment> existing = orderPayments.ofOrder(orderId);
        if (existing.isPresent()) {
            // a tombstone answers a late first ChargePayment: no repeat, though it changes nothing either
            if (existing.get().answeredChargePayment()) {
                duplicates.skipped("payment.charge-payment", orderId);
            }
            return existing.get().outcome();
        }
        OrderPayment payment = orderPayments.add(providerDecline
                .map(reason -> OrderPayment.declined(orderId, customerId, amount, reason))
                .orElseGet(() -> OrderPayment.charge(orderId, customerId, amount,
                        accounts.lockOfCustomer(customerId))));
        history.record(orderId, payment.isCharged() ? "payment.charged" : "payment.declined");
        return payment.outcome();
    }

    /**
     * Credits the order's charge back once. Without a charge it records a cancelled payment, so that a ChargePayment
     * arriving after its compensation (a late re-send) is declined instead of taking money nobody will refund.
     */
    @Transactional
    public void refund(UUID orderId) {
        orderPayments.ofOrder(orderId).ifPresentOrElse(
                payment -> {
                    if (payment.isCharged()) {
                        payment.refund(accounts.lockOfCustomer(payment.customerId()).orElseThrow(
                                () -> new IllegalStateException("account " + payment.customerId() + " is gone")));
                        history.record(orderId, "payment.refunded");
                    } else if (payment.answeredRefundPayment()) {
                        duplicates.skipped("payment.refund-payment", orderId);
                    }
                },
                // a tombstone credits nothing back: no effect to record
                () -> orderPayments.add(OrderPayment.cancelledBeforeCharged(orderId)));
    }

    /** The order's charge and refund, oldest first; empty for an order never charged. */
    @Transactional(readOnly = true)
    public List<Payment> paymentsOf(UUID orderId) {
        return orderPayments.ofOrder(orderId).map(OrderPayment::payments).orElse(List.of());
    }
}
