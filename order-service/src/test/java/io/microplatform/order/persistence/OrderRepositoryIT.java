package io.microplatform.order.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microplatform.order.domain.Order;
import io.microplatform.order.domain.OrderItem;
import io.microplatform.order.domain.OrderRepository;
import io.microplatform.order.domain.OrderStatus;
import io.microplatform.order.domain.ShippingAddress;
import io.microplatform.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping against the real schema that Flyway's V1 creates in PostgreSQL. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@EmbeddedInfrastructure
class OrderRepositoryIT {

    // microseconds: what PostgreSQL's timestamptz keeps
    private static final Instant PLACED_AT = Instant.parse("2025-11-26T10:15:30.123456Z");
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");

    @Autowired
    private OrderRepository orders;

    @Autowired
    private TestEntityManager entityManager;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void storesAnOrderWithItsLinesAndLoadsItBack() {
        UUID id = UUID.randomUUID();
        orders.add(Order.place(id, "alice", List.of(
                new OrderItem("KEYBOARD-01", 2, new BigDecimal("49.90")),
                new OrderItem("MONITOR-27", 1, new BigDecimal("299.00"))), new BigDecimal("5.00"), ADDRESS, PLACED_AT));
        entityManager.flush();
        entityManager.clear();

        Order loaded = orders.withId(id).orElseThrow();

        assertThat(loaded.customerId()).isEqualTo("alice");
        assertThat(loaded.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(loaded.reason()).isNull();
        assertThat(loaded.total()).isEqualTo(new BigDecimal("403.80"));
        assertThat(loaded.shippingCost()).isEqualTo(new BigDecimal("5.00"));
        assertThat(loaded.createdAt()).isEqualTo(PLACED_AT);
        assertThat(loaded.updatedAt()).isEqualTo(PLACED_AT);
        assertThat(loaded.version()).isZero();
        assertThat(loaded.shippingAddress()).isEqualTo(ADDRESS);
        assertThat(loaded.items()).containsExactly(
                new OrderItem("KEYBOARD-01", 2, new BigDecimal("49.90")),
                new OrderItem("MONITOR-27", 1, new BigDecimal("299.00")));
    }

    @Test
    void writesTheColumnsTheNextServicesRead() {
        UUID id = UUID.randomUUID();
        orders.add(Order.place(id, "bob", List.of(new OrderItem("MOUSE-01", 3, new BigDecimal("19.90"))),
                new BigDecimal("4.50"), ADDRESS, PLACED_AT));
        entityManager.flush();

        assertThat(jdbc.queryForMap("select customer_id, status, total, shipping_cost, version from orders where id = ?", id))
                .isEqualTo(Map.of("customer_id", "bob", "status", "PENDING", "total", new BigDecimal("64.20"),
                        "shipping_cost", new BigDecimal("4.50"), "version", 0L));
        assertThat(jdbc.queryForMap("select shipping_name, shipping_street, shipping_city, shipping_postal_code, "
                + "shipping_country from orders where id = ?", id))
                .isEqualTo(Map.of("shipping_name", "Ada", "shipping_street", "1 Main St", "shipping_city", "Berlin",
                        "shipping_postal_code", "10115", "shipping_country", "DE"));
        assertThat(jdbc.queryForMap("select sku, quantity, unit_price from order_items where order_id = ?", id))
                .isEqualTo(Map.of("sku", "MOUSE-01", "quantity", 3, "unit_price", new BigDecimal("19.90")));
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(orders.withId(UUID.randomUUID())).isEmpty();
    }
}
