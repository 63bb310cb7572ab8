package io.microplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.InventoryMessages.StockReserved;
import io.microplatform.contracts.OrderMessages.CancelOrder;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.PaymentMessages.ChargePayment;
import io.microplatform.contracts.ShippingMessages.CreateShipment;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a consumer refuses before its handler runs: each message type's contract beyond its JSON shape. */
class ViolationsTest {

    private static final UUID ID = UUID.randomUUID();
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");

    @ParameterizedTest
    @MethodSource("io.microplatform.contracts.WireFormatTest#messages")
    void everyGoldenMessageKeepsTheContract(Message message) {
        assertThat(message.violations()).isEmpty();
    }

    @Test
    void messagesAtEveryLimitKeepTheContract() {
        OrderLine widest = new OrderLine("S".repeat(FieldLimits.SKU_MAX), FieldLimits.QUANTITY_MAX,
                new BigDecimal("0.00"));
        assertThat(new ReserveStock(ID, ID, Collections.nCopies(FieldLimits.LINES_MAX, widest)).violations()).isEmpty();
        assertThat(new ChargePayment(ID, ID, "c".repeat(FieldLimits.CUSTOMER_ID_MAX), new BigDecimal("9999999999.99"))
                .violations()).isEmpty();
        assertThat(new CreateShipment(ID, ID, new ShippingAddress("N".repeat(FieldLimits.NAME_MAX),
                "S".repeat(FieldLimits.STREET_MAX), "C".repeat(FieldLimits.CITY_MAX),
                "P".repeat(FieldLimits.POSTAL_CODE_MAX), "DE")).violations()).isEmpty();
    }

    static Stream<Arguments> brokenMessages() {
        return Stream.of(
                Arguments.of(new StockReserved(null, ID, ID), "messageId is missing"),
                Arguments.of(new StockReserved(ID, null, ID), "orderId is missing"),
                Arguments.of(new StockReserved(ID, ID, null), "inReplyTo is missing"),
                Arguments.of(new ReserveStock(ID, ID, List.of()), "lines must be 1 to 50"),
                Arguments.of(new ReserveStock(ID, ID, null), "lines must be 1 to 50"),
                Arguments.of(new ReserveStock(ID, ID, Collections.nCopies(FieldLimits.LINES_MAX + 1,
                        line("KEYBOARD-01", 1))), "lines must be 1 to 50"),
                Arguments.of(new ReserveStock(ID, ID, List.of(line("KEYBOARD-01", 0))),
                        "lines[0].quantity is not 1 to 1000"),
                Arguments.of(new ReserveStock(ID, ID, List.of(line("KEYBOARD-01", FieldLimits.QUANTITY_MAX + 1))),
                        "lines[0].quantity is not 1 to 1000"),
                Arguments.of(new ReserveStock(ID, ID, List.of(line(" ", 1))),
                        "lines[0].sku is not an identifier of at most 64 characters"),
                Arguments.of(new ReserveStock(ID, ID, List.of(line("KEY\u0000BOARD", 1))),
                        "lines[0].sku is not an identifier of at most 64 characters"),
                Arguments.of(new ReserveStock(ID, ID, List.of(new OrderLine("KEYBOARD-01", 1, new BigDecimal("-1")))),
                        "lines[0].unitPrice is not an amount of at least 0 with at most 2 decimals"),
                Arguments.of(new ChargePayment(ID, ID, "alice", new BigDecimal("-0.01")),
                        "amount is not an amount of at least 0 with at most 2 decimals"),
                Arguments.of(new ChargePayment(ID, ID, "alice", new BigDecimal("1.001")),
                        "amount is not an amount of at least 0 with at most 2 decimals"),
                Arguments.of(new ChargePayment(ID, ID, null, BigDecimal.ONE),
                        "customerId is not an identifier of at most 64 characters"),
                Arguments.of(new CreateShipment(ID, ID, null), "address is missing"),
                Arguments.of(new CreateShipment(ID, ID, new ShippingAddress("Ada\u0007", "1 Main St", "Berlin", "10115",
                        "DE")), "address.name is not a text of 1 to 200 characters without control characters"),
                Arguments.of(new CreateShipment(ID, ID, new ShippingAddress("Ada", "1 Main St", "Berlin", "10115",
                        "de")), "address.country is not an ISO 3166-1 alpha-2 code"),
                Arguments.of(new CancelOrder(ID, ID, "BORED"), "reason is not one of " + CancelOrder.REASONS),
                Arguments.of(new CancelOrder(ID, ID, null), "reason is not one of " + CancelOrder.REASONS));
    }

    @ParameterizedTest
    @MethodSource("brokenMessages")
    void namesTheFieldAndItsLimit(Message message, String problem) {
        assertThat(message.violations()).containsExactly(problem);
    }

    /** The orchestrator answers an OrderPlaced it cannot run with a cancellation: only its ids are the contract. */
    @Test
    void leavesTheContentOfAnOrderPlacedToTheOrchestrator() {
        OrderPlaced empty = new OrderPlaced(ID, ID, null, List.of(), null, null, null);

        assertThat(empty.violations()).isEmpty();
        assertThat(new OrderPlaced(ID, null, null, List.of(), null, null, ADDRESS).violations())
                .containsExactly("orderId is missing");
    }

    private static OrderLine line(String sku, int quantity) {
        return new OrderLine(sku, quantity, new BigDecimal("49.90"));
    }
}
