package io.microplatform.order.api;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.microplatform.order.OrderManagement;
import io.microplatform.order.domain.Order;
import io.microplatform.order.domain.OrderItem;
import io.microplatform.order.domain.ShippingAddress;
import io.microplatform.testsupport.OpenApiContract;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
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

    /**
     * springdoc cannot read {@code @AllowedCharacters}, so each field states its rule in {@code @Schema(pattern)}; the
     * contract above proves every stated pattern enforced, this that no rule is enforced without being stated.
     */
    @Test
    void statesEveryAllowedCharactersRuleAsThePattern() {
        for (Class<?> request : List.of(PlaceOrderRequest.class, PlaceOrderRequest.Item.class,
                PlaceOrderRequest.Address.class)) {
            for (Field field : request.getDeclaredFields()) {
                AllowedCharacters rule = field.getAnnotation(AllowedCharacters.class);
                if (rule != null) {
                    Schema schema = field.getAnnotation(Schema.class);
                    assertThat(schema).as("@Schema of %s.%s", request.getSimpleName(), field.getName()).isNotNull();
                    assertThat(schema.pattern()).as("%s.%s", request.getSimpleName(), field.getName())
                            .isEqualTo(rule.value().pattern());
                }
            }
        }
    }
}
