package io.microplatform.payment.domain;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.payment.domain.ChargeOutcome.Charged;
import io.microplatform.payment.domain.ChargeOutcome.Declined;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderPaymentTest {

    private final UUID orderId = UUID.randomUUID();
    private final Account bob = new Account("bob", new BigDecimal("50.00"));

    @Test
    void debitsTheAmountTheBalanceCovers() {
        OrderPayment payment = OrderPayment.charge(orderId, "bob", new BigDecimal("50.00"), Optional.of(bob));

        assertThat(payment.outcome()).isEqualTo(new Charged());
        assertThat(bob.balance()).isEqualByComparingTo("0.00");
        assertThat(payment.payments()).extracting(Payment::type).containsExactly(PaymentType.CHARGE);
    }

    @Test
    void declinesWhatTheBalanceDoesNotCoverAndDebitsNothing() {
        OrderPayment payment = OrderPayment.charge(orderId, "bob", new BigDecimal("50.01"), Optional.of(bob));

        assertThat(payment.outcome()).isEqualTo(new Declined("insufficient balance"));
        assertThat(bob.balance()).isEqualByComparingTo("50.00");
        assertThat(payment.payments()).isEmpty();
    }

    @Test
    void declinesAnUnknownCustomer() {
        OrderPayment payment = OrderPayment.charge(orderId, "carol", new BigDecimal("1.00"), Optional.empty());

        assertThat(payment.outcome()).isEqualTo(new Declined("unknown customer"));
        assertThat(payment.status()).isEqualTo(OrderPaymentStatus.DECLINED);
        assertThat(payment.answeredRefundPayment()).as("a decline keeps no trace of the refund").isFalse();
    }

    @Test
    void refundsTheChargeOnlyOnce() {
        OrderPayment payment = OrderPayment.charge(orderId, "bob", new BigDecimal("20.00"), Optional.of(bob));

        payment.refund(bob);
        payment.refund(bob);

        assertThat(bob.balance()).isEqualByComparingTo("50.00");
        assertThat(payment.payments()).extracting(Payment::type).containsExactly(PaymentType.CHARGE, PaymentType.REFUND);
        // a late re-send of the charge is answered as before, and debits nothing
        assertThat(payment.outcome()).isEqualTo(new Charged());
        assertThat(payment.answeredChargePayment()).isTrue();
        assertThat(payment.answeredRefundPayment()).isTrue();
    }

    @Test
    void refundsNothingOfADecline() {
        OrderPayment payment = OrderPayment.charge(orderId, "bob", new BigDecimal("60.00"), Optional.of(bob));

        payment.refund(bob);

        assertThat(bob.balance()).isEqualByComparingTo("50.00");
        assertThat(payment.status()).isEqualTo(OrderPaymentStatus.DECLINED);
    }

    @Test
    void aRefundBeforeTheChargeDeclinesItLater() {
        OrderPayment tombstone = OrderPayment.cancelledBeforeCharged(orderId);

        assertThat(tombstone.outcome()).isInstanceOf(Declined.class);
        assertThat(tombstone.isCharged()).isFalse();
        assertThat(tombstone.payments()).isEmpty();
        assertThat(tombstone.answeredChargePayment()).isFalse();
        assertThat(tombstone.answeredRefundPayment()).isTrue();
    }

    @Test
    void refusesMoneyWithMoreThanTwoDecimals() {
        assertThatThrownBy(() -> OrderPayment.charge(orderId, "bob", new BigDecimal("1.005"), Optional.of(bob)))
                .isInstanceOf(ArithmeticException.class);
        assertThat(bob.balance()).isEqualByComparingTo("50.00");
    }
}
