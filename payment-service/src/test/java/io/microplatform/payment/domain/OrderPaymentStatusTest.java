package io.microplatform.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.microplatform.testsupport.StateMachines;
import org.junit.jupiter.api.Test;

class OrderPaymentStatusTest {

    @Test
    void onlyAChargeIsRefundedAndEveryOtherTransitionThrows() {
        assertThat(StateMachines.legalTransitions(OrderPaymentStatus.class, OrderPaymentStatus::canMoveTo,
                OrderPaymentStatus::moveTo)).containsExactly("CHARGED->REFUNDED");
    }
}
