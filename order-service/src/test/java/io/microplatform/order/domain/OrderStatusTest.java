package io.microplatform.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.microplatform.testsupport.StateMachines;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    @Test
    void aPendingOrderEndsConfirmedOrCancelledAndEveryOtherTransitionThrows() {
        assertThat(StateMachines.legalTransitions(OrderStatus.class, OrderStatus::canMoveTo, OrderStatus::moveTo))
                .containsExactly("PENDING->CONFIRMED", "PENDING->CANCELLED");
    }
}
