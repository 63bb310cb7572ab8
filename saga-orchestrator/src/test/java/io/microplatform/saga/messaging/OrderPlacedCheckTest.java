package io.microplatform.saga.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.microplatform.contracts.FieldLimits;
import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.ShippingAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which OrderPlaced can become a saga: the contracts' field limits, and amounts the saga's columns hold. */
class OrderPlacedCheckTest {

    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");
    private static final List<OrderLine> LINES = List.of(new OrderLine("KEYBOARD-01", 2, new BigDecimal("49.90")));

    @Test
    void acceptsAnOrderAtEveryLimit() {
        OrderLine widest = new OrderLine("S".repeat(FieldLimits.SKU_MAX), FieldLimits.QUANTITY_MAX,
                new BigDecimal("9999999999.99"));
        ShippingAddress longest = new ShippingAddress("n".repeat(FieldLimits.NAME_MAX), "s".repeat(FieldLimits.STREET_MAX),
                "c".repeat(FieldLimits.CITY_MAX), "p".repeat(FieldLimits.POSTAL_CODE_MAX), "ZA");

        assertThat(OrderPlacedCheck.problemsOf(placed("c".repeat(FieldLimits.CUSTOMER_ID_MAX),
                Collections.nCopies(FieldLimits.LINES_MAX, widest), new BigDecimal("0.00"), longest))).isEmpty();
        assertThat(OrderPlacedCheck.problemsOf(placed("alice", LINES, new BigDecimal("104.79"), ADDRESS))).isEmpty();
    }

    static Stream<Arguments> invalidOrders() {
        return Stream.of(
                Arguments.of("customer id too long", placed("c".repeat(FieldLimits.CUSTOMER_ID_MAX + 1), LINES,
                        BigDecimal.TEN, ADDRESS), "customerId"),
                Arguments.of("customer id with a space", placed("al ice", LINES, BigDecimal.TEN, ADDRESS), "customerId"),
                Arguments.of("no customer id", placed(null, LINES, BigDecimal.TEN, ADDRESS), "customerId"),
                Arguments.of("no lines", placed("alice", List.of(), BigDecimal.TEN, ADDRESS), "lines"),
                Arguments.of("lines missing", placed("alice", null, BigDecimal.TEN, ADDRESS), "lines"),
                Arguments.of("too many lines", placed("alice", Collections.nCopies(FieldLimits.LINES_MAX + 1,
                        LINES.get(0)), BigDecimal.TEN, ADDRESS), "lines"),
                Arguments.of("sku too long", placed("alice", List.of(new OrderLine("S".repeat(FieldLimits.SKU_MAX + 1),
                        1, BigDecimal.ONE)), BigDecimal.TEN, ADDRESS), "lines[0].sku"),
                Arguments.of("quantity 0", placed("alice", List.of(new OrderLine("A", 0, BigDecimal.ONE)),
                        BigDecimal.TEN, ADDRESS), "lines[0].quantity"),
                Arguments.of("quantity above the limit", placed("alice", List.of(new OrderLine("A",
                        FieldLimits.QUANTITY_MAX + 1, BigDecimal.ONE)), BigDecimal.TEN, ADDRESS), "lines[0].quantity"),
                Arguments.of("price with 3 decimals", placed("alice", List.of(new OrderLine("A", 1,
                        new BigDecimal("1.005"))), BigDecimal.TEN, ADDRESS), "lines[0].unitPrice"),
                Arguments.of("negative total", placed("alice", LINES, new BigDecimal("-0.01"), ADDRESS), "total"),
                Arguments.of("total beyond numeric(12,2)", placed("alice", LINES, new BigDecimal("10000000000"),
                        ADDRESS), "total"),
                Arguments.of("no total", placed("alice", LINES, null, ADDRESS), "total"),
                Arguments.of("no address", placed("alice", LINES, BigDecimal.TEN, null), "shippingAddress"),
                Arguments.of("no city", placed("alice", LINES, BigDecimal.TEN, new ShippingAddress("Ada", "1 Main St",
                        null, "10115", "DE")), "shippingAddress.city"),
                Arguments.of("blank street", placed("alice", LINES, BigDecimal.TEN, new ShippingAddress("Ada", " ",
                        "Berlin", "10115", "DE")), "shippingAddress.street"),
                Arguments.of("postal code too long", placed("alice", LINES, BigDecimal.TEN, new ShippingAddress("Ada",
                        "1 Main St", "Berlin", "1".repeat(FieldLimits.POSTAL_CODE_MAX + 1), "DE")),
                        "shippingAddress.postalCode"),
                Arguments.of("control character in the name", placed("alice", LINES, BigDecimal.TEN,
                        new ShippingAddress("Ada\u0000", "1 Main St", "Berlin", "10115", "DE")), "shippingAddress.name"),
                Arguments.of("lower-case country", placed("alice", LINES, BigDecimal.TEN, new ShippingAddress("Ada",
                        "1 Main St", "Berlin", "10115", "de")), "shippingAddress.country"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOrders")
    void namesTheFieldThatBreaksALimit(String why, OrderPlaced placed, String field) {
        assertThat(OrderPlacedCheck.problemsOf(placed)).singleElement().asString().startsWith(field + " ");
    }

    @Test
    void namesEveryProblemButNoValue() {
        List<String> problems = OrderPlacedCheck.problemsOf(placed("secret\u0007", List.of(), new BigDecimal("-1"),
                new ShippingAddress("Evil\u001b[31m", "x", "y", "z", "XX1")));

        assertThat(problems).hasSize(5);
        assertThat(String.join(" ", problems)).doesNotContain("secret", "Evil", "XX1");
    }

    private static OrderPlaced placed(String customerId, List<OrderLine> lines, BigDecimal total,
            ShippingAddress address) {
        return new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), customerId, lines, BigDecimal.ZERO, total, address);
    }
}
