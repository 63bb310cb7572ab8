package io.microplatform.order.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.microplatform.order.OrderManagement;
import io.microplatform.order.domain.Order;
import io.microplatform.order.domain.OrderItem;
import io.microplatform.order.domain.ShippingAddress;
import io.microplatform.testsupport.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/** order-service's OpenAPI document states the limits it enforces, and its errors as problem details. */
@WebMvcTest
class OpenApiContractTest extends OpenApiContract {

    @MockitoBean
    private OrderManagement orders;

    /** Whatever passes validation is placed. */
    @BeforeEach
    void placeAnyValidOrder() {
        given(orders.place(any(), any())).willReturn(Order.place(UUID.randomUUID(), "alice",
                List.of(new OrderItem("KEYBOARD-01", 2, new BigDecimal("49.90"))), new BigDecimal("4.99"),
                new ShippingAddress("Ada Lovelace", "1 Main St", "Berlin", "10115", "DE"), Instant.now()));
    }
}
