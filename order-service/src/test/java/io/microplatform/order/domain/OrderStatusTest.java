package io.microplatform.order.domain;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.microplatform.order.domain.OrderStatus.CANCELLED;
import static io.microplatform.order.domain.OrderStatus.CONFIRMED;
import static io.microplatform.order.domain.OrderStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrderStatusTest {

    @Test
    void aPendingOrderEndsConfirmedOrCancelled() {
        assertThat(OrderStatus.Transition.between(PENDING, CONFIRMED)).isEqualTo(OrderStatus.Transition.PENDING_TO_CONFIRMED);
        assertThat(OrderStatus.Transition.between(PENDING, CANCELLED)).isEqualTo(OrderStatus.Transition.PENDING_TO_CANCELLED);
    }

    @Test
    void everyOtherMoveIsIllegal() {
        List<String> illegal = new ArrayList<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                if (!OrderStatus.Transition.isLegal(from, to)) {
                    illegal.add(from + "->" + to);
                    assertThatExceptionOfType(IllegalStatusTransitionException.class)
                            .isThrownBy(() -> OrderStatus.Transition.between(from, to))
                            .withMessage("An order cannot go from " + from + " to " + to);
                }
            }
        }
        assertThat(illegal).containsExactlyInAnyOrder("PENDING->PENDING", "CONFIRMED->PENDING",
                "CONFIRMED->CONFIRMED", "CONFIRMED->CANCELLED", "CANCELLED->PENDING", "CANCELLED->CONFIRMED",
                "CANCELLED->CANCELLED");
    }
}
