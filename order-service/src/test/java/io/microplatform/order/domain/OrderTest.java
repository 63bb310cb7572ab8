package io.microplatform.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderTest {

    private static final Instant NOW = Instant.parse("2025-11-26T10:15:30Z");

    @Test
    void placedOrderIsPendingAndCostsItsLinesPlusShipping() {
        Order order = Order.place(UUID.randomUUID(), "alice", List.of(
                new OrderItem("KEYBOARD-01", 2, new BigDecimal("49.90")),
                new OrderItem("MOUSE-01", 1, new BigDecimal("19.9"))), new BigDecimal("5"), NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.total()).isEqualTo(new BigDecimal("124.70"));
        assertThat(order.shippingCost()).isEqualTo(new BigDecimal("5.00"));
        assertThat(order.createdAt()).isEqualTo(NOW).isEqualTo(order.updatedAt());
    }

    @Test
    void refusesAnOrderWithoutLines() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Order.place(UUID.randomUUID(), "alice", List.of(), BigDecimal.ZERO, NOW));
    }

    @Test
    void refusesTwoLinesForTheSameSku() {
        List<OrderItem> twice = List.of(
                new OrderItem("MOUSE-01", 1, new BigDecimal("19.90")), new OrderItem("MOUSE-01", 2, new BigDecimal("19.90")));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Order.place(UUID.randomUUID(), "alice", twice, BigDecimal.ZERO, NOW));
    }

    @Test
    void refusesMoneyWithMoreThanTwoDecimals() {
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> new OrderItem("MOUSE-01", 1, new BigDecimal("19.999")));
    }
}
