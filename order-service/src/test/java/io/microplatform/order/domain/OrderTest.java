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
    private static final Instant LATER = NOW.plusSeconds(5);
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");

    @Test
    void placedOrderIsPendingAndCostsItsLinesPlusShipping() {
        Order order = Order.place(UUID.randomUUID(), "alice", List.of(
                new OrderItem("MOUSE-01", 1, new BigDecimal("19.9")),
                new OrderItem("KEYBOARD-01", 2, new BigDecimal("49.90"))), new BigDecimal("5"), ADDRESS, NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.reason()).isNull();
        assertThat(order.total()).isEqualTo(new BigDecimal("124.70"));
        assertThat(order.shippingCost()).isEqualTo(new BigDecimal("5.00"));
        assertThat(order.items()).extracting(OrderItem::sku).containsExactly("KEYBOARD-01", "MOUSE-01");
        assertThat(order.shippingAddress()).isEqualTo(ADDRESS);
        assertThat(order.createdAt()).isEqualTo(NOW).isEqualTo(order.updatedAt());
    }

    @Test
    void refusesAnOrderWithoutLines() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Order.place(UUID.randomUUID(), "alice", List.of(), BigDecimal.ZERO, ADDRESS, NOW));
    }

    @Test
    void refusesTwoLinesForTheSameSku() {
        List<OrderItem> twice = List.of(
                new OrderItem("MOUSE-01", 1, new BigDecimal("19.90")), new OrderItem("MOUSE-01", 2, new BigDecimal("19.90")));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Order.place(UUID.randomUUID(), "alice", twice, BigDecimal.ZERO, ADDRESS, NOW));
    }

    @Test
    void refusesMoneyWithMoreThanTwoDecimals() {
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> new OrderItem("MOUSE-01", 1, new BigDecimal("19.999")));
    }

    @Test
    void confirmsAPendingOrderOnce() {
        Order order = pending();

        assertThat(order.confirm(LATER)).isEqualTo(StatusUpdate.APPLIED);
        assertThat(order.confirm(LATER.plusSeconds(1))).isEqualTo(StatusUpdate.ALREADY_APPLIED);

        assertThat(order).extracting(Order::status, Order::reason, Order::updatedAt)
                .containsExactly(OrderStatus.CONFIRMED, null, LATER);
    }

    @Test
    void cancelsAPendingOrderOnceKeepingTheFirstReason() {
        Order order = pending();

        assertThat(order.cancel(CancellationReason.OUT_OF_STOCK, LATER)).isEqualTo(StatusUpdate.APPLIED);
        assertThat(order.cancel(CancellationReason.TIMED_OUT, LATER.plusSeconds(1)))
                .isEqualTo(StatusUpdate.ALREADY_APPLIED);

        assertThat(order).extracting(Order::status, Order::reason, Order::updatedAt)
                .containsExactly(OrderStatus.CANCELLED, CancellationReason.OUT_OF_STOCK, LATER);
    }

    @Test
    void keepsAConfirmedOrderWhenToldToCancelIt() {
        Order order = pending();
        order.confirm(LATER);

        assertThat(order.cancel(CancellationReason.TIMED_OUT, LATER.plusSeconds(1))).isEqualTo(StatusUpdate.REFUSED);

        assertThat(order).extracting(Order::status, Order::reason, Order::updatedAt)
                .containsExactly(OrderStatus.CONFIRMED, null, LATER);
    }

    @Test
    void keepsACancelledOrderWhenToldToConfirmIt() {
        Order order = pending();
        order.cancel(CancellationReason.SHIPPING_FAILED, LATER);

        assertThat(order.confirm(LATER.plusSeconds(1))).isEqualTo(StatusUpdate.REFUSED);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.reason()).isEqualTo(CancellationReason.SHIPPING_FAILED);
    }

    private static Order pending() {
        return Order.place(UUID.randomUUID(), "alice", List.of(new OrderItem("MOUSE-01", 1, new BigDecimal("19.90"))),
                new BigDecimal("4.99"), ADDRESS, NOW);
    }
}
